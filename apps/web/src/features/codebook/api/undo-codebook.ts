import type { Code } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** POST /api/codebook-undo/:undoId: brings back a code the caller deleted or merged. */
export function undoCodebook(undoId: string): Promise<Code> {
  return api<Code>('POST', `/api/codebook-undo/${encodeURIComponent(undoId)}`);
}
