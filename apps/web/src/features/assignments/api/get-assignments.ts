import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Assignments } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/**
 * GET /api/projects/:projectId/assignments: who codes which study, and each coder's progress.
 * Coders get only their own; owners and supervisors everyone's.
 */
export function getAssignments(projectId: string): Promise<Assignments> {
  return api<Assignments>('GET', `/api/projects/${encodeURIComponent(projectId)}/assignments`);
}

export function assignmentsQueryKey(projectId: string) {
  return ['projects', projectId, 'assignments'] as const;
}

export function getAssignmentsQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: assignmentsQueryKey(projectId),
    queryFn: () => getAssignments(projectId),
    // Progress moves with every highlight anyone makes: ask again whenever it is shown.
    staleTime: 0,
  });
}

export function useAssignments(projectId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getAssignmentsQueryOptions(projectId), enabled: options.enabled ?? true });
}
