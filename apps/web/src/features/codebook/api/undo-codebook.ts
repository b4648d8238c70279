import { codeEndpoints, type Code } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** Brings back a code the caller deleted or merged. */
export function undoCodebook(undoId: string): Promise<Code> {
  return call(codeEndpoints.undoCodebookChange, { params: { undoId } });
}
