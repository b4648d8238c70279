import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AssignBody } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { assignmentsQueryKey } from './get-assignments';

export interface AssignResult {
  created: number;
  existing: number;
}

/**
 * POST /api/projects/:projectId/assignments: studies to coders. Without codersPerStudy every
 * listed coder gets every study; with it, each study goes to that many of them, rotating so the
 * load is even. Assignments that exist already are left as they were.
 */
export function createAssignments(projectId: string, body: AssignBody): Promise<AssignResult> {
  return api<AssignResult>(
    'POST',
    `/api/projects/${encodeURIComponent(projectId)}/assignments`,
    body,
  );
}

export function useCreateAssignments(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignBody) => createAssignments(projectId, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: assignmentsQueryKey(projectId) }),
  });
}
