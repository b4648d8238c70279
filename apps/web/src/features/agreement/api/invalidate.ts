import type { QueryClient } from '@tanstack/react-query';
import { agreementKey } from './agreement-params';

/**
 * After the consensus coding changed in a document: the consensus highlights (the document),
 * its regions and their resolutions, the statistics and grid (the consensus may be one of the
 * coders compared), and the analysis views and codebook counts that can show the consensus.
 */
export function invalidateConsensus(
  queryClient: QueryClient,
  projectId: string,
  documentId: string,
) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['documents', documentId] }),
    queryClient.invalidateQueries({ queryKey: agreementKey(projectId) }),
    queryClient.invalidateQueries({ queryKey: ['projects', projectId, 'analysis'] }),
    queryClient.invalidateQueries({ queryKey: ['projects', projectId, 'codes'] }),
  ]);
}
