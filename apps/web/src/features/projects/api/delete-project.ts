import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** DELETE /api/projects/:projectId: removes the project with all its studies, codes and highlights. */
export function deleteProject(projectId: string): Promise<void> {
  return api<void>('DELETE', `/api/projects/${encodeURIComponent(projectId)}`);
}

export function useDeleteProject(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteProject(projectId),
    onSuccess: () => {
      // Drop (not refetch) everything under the project: refetching would only produce 404s.
      queryClient.removeQueries({ queryKey: ['projects', projectId] });
      void queryClient.invalidateQueries({ queryKey: ['projects'], exact: true });
    },
  });
}
