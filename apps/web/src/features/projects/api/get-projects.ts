import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Project } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/projects: the projects the caller is a member of, with their role in each. */
export function getProjects(): Promise<Project[]> {
  return api<Project[]>('GET', '/api/projects');
}

export function getProjectsQueryOptions() {
  return queryOptions({ queryKey: ['projects'], queryFn: getProjects });
}

export function useProjects() {
  return useQuery(getProjectsQueryOptions());
}
