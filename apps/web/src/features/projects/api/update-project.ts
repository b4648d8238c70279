import { useMutation, useQueryClient } from '@tanstack/react-query';
import { projectEndpoints, type Project, type UpdateProjectBody } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/**
 * Renames the project, switches whether coders may change the codebook, or switches independent
 * (blind) coding.
 */
export function updateProject(projectId: string, body: UpdateProjectBody): Promise<Project> {
  return call(projectEndpoints.updateProject, { params: { projectId }, body });
}

/** Optimistic: a checkbox must show its new state at once, and go back if the server refuses. */
export function useUpdateProject(projectId: string) {
  const queryClient = useQueryClient();
  const key = ['projects', projectId];
  return useMutation({
    mutationFn: (body: UpdateProjectBody) => updateProject(projectId, body),
    onMutate: async (body) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const previous = queryClient.getQueryData<Project>(key);
      if (previous) queryClient.setQueryData<Project>(key, { ...previous, ...body });
      return { previous };
    },
    onError: (_error, _body, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (project) => queryClient.setQueryData(key, project),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['projects'], exact: true }),
  });
}
