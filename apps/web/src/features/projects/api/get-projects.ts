import { queryOptions, useQuery } from '@tanstack/react-query';
import { projectEndpoints, type Project } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** The projects the caller is a member of, with their role in each. */
export function getProjects(): Promise<Project[]> {
  return call(projectEndpoints.listProjects);
}

export function getProjectsQueryOptions() {
  return queryOptions({ queryKey: ['projects'], queryFn: getProjects });
}

export function useProjects() {
  return useQuery(getProjectsQueryOptions());
}
