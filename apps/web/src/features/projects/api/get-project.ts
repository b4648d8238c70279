import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { projectEndpoints, type Project } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** A project, with the caller's role in it: 404 when the caller is not a member. */
export function getProject(projectId: string): Promise<Project> {
  return call(projectEndpoints.getProject, { params: { projectId } });
}

export function getProjectQueryOptions(projectId: string) {
  return queryOptions({ queryKey: ['projects', projectId], queryFn: () => getProject(projectId) });
}

export function useProject(projectId: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    ...getProjectQueryOptions(projectId ?? ''),
    enabled: Boolean(projectId),
    // Coming from the projects list, show the name at once instead of a blank header.
    placeholderData: () =>
      queryClient.getQueryData<Project[]>(['projects'])?.find((p) => p.id === projectId),
  });
}
