import { useMutation, useQueryClient } from '@tanstack/react-query';
import { studyEndpoints, type StudyDeletion } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { STUDY_DELETION } from './get-study-deletion';

/** Deletes the studies with their documents and coding, all or none of them. */
export function deleteStudies(projectId: string, studyIds: string[]): Promise<StudyDeletion> {
  return call(studyEndpoints.deleteStudies, { params: { projectId }, body: { studyIds } });
}

export function useDeleteStudies(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (studyIds: string[]) => deleteStudies(projectId, studyIds),
    onSuccess: (_, studyIds) => {
      for (const id of studyIds) queryClient.removeQueries({ queryKey: ['studies', id] });
      // Everything of the project may count the deleted coding: study lists, codebook counts,
      // analysis, agreement, attributes in use, the project's study count.
      // Not the confirmation's own count, which would only refetch into a 404.
      void queryClient.invalidateQueries({
        queryKey: ['projects', projectId],
        predicate: (query) => query.queryKey[2] !== STUDY_DELETION,
      });
      void queryClient.invalidateQueries({ queryKey: ['projects'], exact: true });
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
    },
  });
}
