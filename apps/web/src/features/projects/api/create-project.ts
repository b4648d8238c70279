import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateProjectBody, Project } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** POST /api/projects: the caller becomes the owner. */
export function createProject(body: CreateProjectBody): Promise<Project> {
  return api<Project>('POST', '/api/projects', body);
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProject,
    onSuccess: (project) => {
      queryClient.setQueryData(['projects', project.id], project);
      void queryClient.invalidateQueries({ queryKey: ['projects'], exact: true });
    },
  });
}
