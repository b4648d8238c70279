import { useMutation, useQueryClient } from '@tanstack/react-query';
import { consensusEndpoints, type CreateResolutionBody, type Resolution } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { invalidateConsensus } from './invalidate';

/**
 * Resolves a disagreement region: the consensus takes the accepted coders' coding of the code in
 * the region (their union; none: not coded).
 */
export function createResolution(
  documentId: string,
  body: CreateResolutionBody,
): Promise<Resolution> {
  return call(consensusEndpoints.createResolution, { params: { documentId }, body });
}

export function useCreateResolution(projectId: string, documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateResolutionBody) => createResolution(documentId, body),
    onSuccess: () => invalidateConsensus(queryClient, projectId, documentId),
  });
}
