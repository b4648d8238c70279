import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateCodebook } from './invalidate';

/** What happens to the highlights of a code in use; the server answers 409 without a choice. */
export type DeleteCodeChoice =
  { highlights: 'delete' } | { highlights: 'move'; moveTo: string } | null;

/** DELETE /api/codes/:codeId (children move up to its parent). */
export function deleteCode(codeId: string, choice: DeleteCodeChoice): Promise<void> {
  const query = !choice
    ? ''
    : choice.highlights === 'delete'
      ? '?highlights=delete'
      : `?highlights=move&moveTo=${encodeURIComponent(choice.moveTo)}`;
  return api<void>('DELETE', `/api/codes/${encodeURIComponent(codeId)}${query}`);
}

export function useDeleteCode(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ codeId, choice }: { codeId: string; choice: DeleteCodeChoice }) =>
      deleteCode(codeId, choice),
    onSettled: () => invalidateCodebook(queryClient, projectId),
  });
}
