import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateResolutionBody, Resolution } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { documentPath } from './agreement-params';
import { invalidateConsensus } from './invalidate';

/**
 * POST /api/documents/:documentId/resolutions: the consensus takes the accepted coders' coding
 * of the code in the region (their union; none: not coded).
 */
export function createResolution(
  documentId: string,
  body: CreateResolutionBody,
): Promise<Resolution> {
  return api<Resolution>('POST', documentPath(documentId, 'resolutions'), body);
}

export function useCreateResolution(projectId: string, documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateResolutionBody) => createResolution(documentId, body),
    onSuccess: () => invalidateConsensus(queryClient, projectId, documentId),
  });
}
