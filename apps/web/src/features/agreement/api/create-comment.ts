import { useMutation, useQueryClient } from '@tanstack/react-query';
import { consensusEndpoints, type Comment, type CreateCommentBody } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { disagreementsKey } from './get-disagreements';

/** One comment on a disagreement region. */
export function createComment(documentId: string, body: CreateCommentBody): Promise<Comment> {
  return call(consensusEndpoints.createComment, { params: { documentId }, body });
}

export function useCreateComment(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommentBody) => createComment(documentId, body),
    // The thread lives on the regions.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: disagreementsKey(documentId) }),
  });
}
