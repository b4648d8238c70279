import { useMutation, useQueryClient } from '@tanstack/react-query';
import { assignmentEndpoints, type Assignment, type Assignments } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { assignmentsQueryKey } from './get-assignments';

/** Marks a coder's study done, or (false) reopens it. */
export function setAssignmentDone(
  studyId: string,
  userId: string,
  done: boolean,
): Promise<Assignment> {
  return call(assignmentEndpoints.setAssignmentDone, {
    params: { studyId, userId },
    body: { done },
  });
}

interface Variables {
  studyId: string;
  userId: string;
  done: boolean;
}

/** Optimistic, so the button and the queue change at once; undone if the server refuses. */
export function useSetAssignmentDone(projectId: string) {
  const queryClient = useQueryClient();
  const key = assignmentsQueryKey(projectId);
  const patch = (data: Assignments, { studyId, userId }: Variables, doneAt: string | null) => ({
    ...data,
    assignments: data.assignments.map((a) =>
      a.studyId === studyId && a.userId === userId ? { ...a, doneAt } : a,
    ),
  });
  return useMutation({
    mutationFn: ({ studyId, userId, done }: Variables) => setAssignmentDone(studyId, userId, done),
    onMutate: async (vars) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Assignments>(key);
      if (previous)
        queryClient.setQueryData(
          key,
          patch(previous, vars, vars.done ? new Date().toISOString() : null),
        );
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
