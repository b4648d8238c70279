import { queryOptions, useQuery } from '@tanstack/react-query';
import { assignmentEndpoints, type Assignments } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/**
 * Who codes which study, and each coder's progress. Coders get only their own; owners and
 * supervisors everyone's.
 */
export function getAssignments(projectId: string): Promise<Assignments> {
  return call(assignmentEndpoints.listAssignments, { params: { projectId } });
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
