import type { QueryClient } from '@tanstack/react-query';
import { codesQueryKey } from '../../../lib/queries/get-codes';

/**
 * After any codebook change: the tree and counts, and every cached document, whose highlights
 * may have been moved, merged or deleted with a code.
 */
export function invalidateCodebook(queryClient: QueryClient, projectId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: codesQueryKey(projectId) }),
    queryClient.invalidateQueries({ queryKey: ['documents'] }),
  ]);
}
