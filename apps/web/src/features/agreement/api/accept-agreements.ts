import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AcceptAgreementsBody } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { documentPath } from './agreement-params';
import { invalidateConsensus } from './invalidate';

/** POST /api/documents/:documentId/resolutions/agreements: what every coder agrees on, into the consensus. */
export function acceptAgreements(
  documentId: string,
  body: AcceptAgreementsBody,
): Promise<{ added: number }> {
  return api<{ added: number }>('POST', documentPath(documentId, 'resolutions/agreements'), body);
}

export function useAcceptAgreements(projectId: string, documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptAgreementsBody) => acceptAgreements(documentId, body),
    onSuccess: () => invalidateConsensus(queryClient, projectId, documentId),
  });
}
