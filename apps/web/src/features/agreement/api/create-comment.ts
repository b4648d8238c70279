import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Comment, CreateCommentBody } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { documentPath } from './agreement-params';
import { disagreementsKey } from './get-disagreements';

/** POST /api/documents/:documentId/comments: one comment on a disagreement region. */
export function createComment(documentId: string, body: CreateCommentBody): Promise<Comment> {
  return api<Comment>('POST', documentPath(documentId, 'comments'), body);
}

export function useCreateComment(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommentBody) => createComment(documentId, body),
    // The thread lives on the regions.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: disagreementsKey(documentId) }),
  });
}
