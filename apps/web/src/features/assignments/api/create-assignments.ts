import { useMutation, useQueryClient } from '@tanstack/react-query';
import { assignmentEndpoints, type AssignBody } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { assignmentsQueryKey } from './get-assignments';

export interface AssignResult {
  created: number;
  existing: number;
}

/**
 * Assigns studies to coders. Without codersPerStudy every
 * listed coder gets every study; with it, each study goes to that many of them, rotating so the
 * load is even. Assignments that exist already are left as they were.
 */
export function createAssignments(projectId: string, body: AssignBody): Promise<AssignResult> {
  return call(assignmentEndpoints.createAssignments, { params: { projectId }, body });
}

export function useCreateAssignments(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignBody) => createAssignments(projectId, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: assignmentsQueryKey(projectId) }),
  });
}
