import { useMutation, useQueryClient } from '@tanstack/react-query';
import { projectEndpoints, type CreateProjectBody, type Project } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** Creates a project; the caller becomes its owner. */
export function createProject(body: CreateProjectBody): Promise<Project> {
  return call(projectEndpoints.createProject, { body });
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
