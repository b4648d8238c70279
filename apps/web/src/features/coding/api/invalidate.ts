import type { QueryClient } from '@tanstack/react-query';
import { staleAfterCoding, type CodingChange } from '../lib/stale-after-coding';

/** After a highlight mutation settles: refresh what counts it (see staleAfterCoding). */
export function invalidateAfterCoding(
  queryClient: QueryClient,
  ref: { projectId: string; documentId: string },
  change: CodingChange,
) {
  return Promise.all(
    staleAfterCoding(ref, change).map(({ queryKey, refetch }) =>
      queryClient.invalidateQueries({ queryKey, refetchType: refetch ? 'active' : 'none' }),
    ),
  );
}
