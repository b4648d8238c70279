import { useMutation, useQueryClient } from '@tanstack/react-query';
import { projectEndpoints } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** Removes the project with all its studies, codes and highlights. */
export async function deleteProject(projectId: string): Promise<void> {
  await call(projectEndpoints.deleteProject, { params: { projectId } });
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
