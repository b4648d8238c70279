import type { CountsCache } from './counts-cache';
import type { HighlightCopies } from './highlight-copies';

/**
 * The read worker's in-memory copies: of the counts (counts-cache.ts), for the filtered
 * tallies; of the highlights (highlight-copies.ts), for what looks at highlights one by one.
 */
export interface Copies {
  counts: CountsCache;
  highlights: HighlightCopies;
}

/** The oldest change each kind of copy still needs (null: none held): the logs are pruned to it. */
export interface CaughtUp {
  counts: number | null;
  highlights: number | null;
}
