import { useMutation, useQueryClient } from '@tanstack/react-query';
import { studyEndpoints, type CreateStudyBody, type Study } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { studiesQueryKey } from '../../../lib/queries/studies-query-key';

/** Adds a study to the project. */
export function createStudy(projectId: string, body: CreateStudyBody): Promise<Study> {
  return call(studyEndpoints.createStudy, { params: { projectId }, body });
}

export function useCreateStudy(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateStudyBody) => createStudy(projectId, body),
    onSuccess: (study) => {
      queryClient.setQueryData(['studies', study.id], study);
      // Study lists (every search) and the project's study count both change.
      void queryClient.invalidateQueries({ queryKey: studiesQueryKey(projectId) });
      void queryClient.invalidateQueries({ queryKey: ['projects'], exact: true });
      void queryClient.invalidateQueries({ queryKey: ['projects', projectId], exact: true });
    },
  });
}
