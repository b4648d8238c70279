import { v7 as uuidv7 } from 'uuid';

/**
 * Time-ordered UUIDs (v7): new rows land at the end of each primary-key B-tree instead of on a
 * random page, so an insert dirties fewer pages and the tables stay compact as they grow.
 */
export const newId = (): string => uuidv7();
export const now = (): string => new Date().toISOString();
