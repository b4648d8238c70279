import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Project, UpdateProjectBody } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** PATCH /api/projects/:projectId: rename, or switch whether coders may change the codebook. */
export function updateProject(projectId: string, body: UpdateProjectBody): Promise<Project> {
  return api<Project>('PATCH', `/api/projects/${encodeURIComponent(projectId)}`, body);
}

export function useUpdateProject(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProjectBody) => updateProject(projectId, body),
    onSuccess: (project) => {
      queryClient.setQueryData(['projects', projectId], project);
      void queryClient.invalidateQueries({ queryKey: ['projects'], exact: true });
    },
  });
}
