import { useMutation, useQueryClient } from '@tanstack/react-query';
import { consensusEndpoints, type AcceptAgreementsBody } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { invalidateConsensus } from './invalidate';

/** Takes what every coder agrees on in a document into the consensus. */
export function acceptAgreements(
  documentId: string,
  body: AcceptAgreementsBody,
): Promise<{ added: number }> {
  return call(consensusEndpoints.acceptAgreements, { params: { documentId }, body });
}

export function useAcceptAgreements(projectId: string, documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptAgreementsBody) => acceptAgreements(documentId, body),
    onSuccess: () => invalidateConsensus(queryClient, projectId, documentId),
  });
}
