import type { QueryClient } from '@tanstack/react-query';
import { codesQueryKey } from '../../../lib/queries/get-codes';
import { studiesQueryKey } from '../../../lib/queries/studies-query-key';

/**
 * After any codebook change: the tree and counts, every cached document, whose highlights may
 * have been moved, merged or deleted with a code, and the study lists that count them.
 */
export function invalidateCodebook(queryClient: QueryClient, projectId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: codesQueryKey(projectId) }),
    queryClient.invalidateQueries({ queryKey: ['documents'] }),
    queryClient.invalidateQueries({ queryKey: studiesQueryKey(projectId) }),
  ]);
}
