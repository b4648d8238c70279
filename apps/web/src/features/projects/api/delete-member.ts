import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { memberPath } from './update-member';

/** DELETE /api/projects/:projectId/members/:userId */
export function deleteMember(projectId: string, userId: string): Promise<void> {
  return api<void>('DELETE', memberPath(projectId, userId));
}

export function useDeleteMember(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => deleteMember(projectId, userId),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['projects', projectId, 'members'] }),
  });
}
