import { useMutation, useQueryClient } from '@tanstack/react-query';
import { assignmentEndpoints, type Assignments } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { assignmentsQueryKey } from './get-assignments';

/** Takes a study from a coder (owners and supervisors). */
export function deleteAssignment(studyId: string, userId: string) {
  return call(assignmentEndpoints.deleteAssignment, { params: { studyId, userId } });
}

interface Variables {
  studyId: string;
  userId: string;
}

/** Optimistic: the chip goes at once and comes back if the server refuses. */
export function useDeleteAssignment(projectId: string) {
  const queryClient = useQueryClient();
  const key = assignmentsQueryKey(projectId);
  return useMutation({
    mutationFn: ({ studyId, userId }: Variables) => deleteAssignment(studyId, userId),
    onMutate: async ({ studyId, userId }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Assignments>(key);
      if (previous) {
        queryClient.setQueryData<Assignments>(key, {
          ...previous,
          assignments: previous.assignments.filter(
            (a) => !(a.studyId === studyId && a.userId === userId),
          ),
        });
      }
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    // The per-coder totals are the server's: fetch them again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
