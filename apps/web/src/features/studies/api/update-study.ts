import { useMutation, useQueryClient } from '@tanstack/react-query';
import { studyEndpoints, type Study, type UpdateStudyBody } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** Changes a study's fields or attributes. */
export function updateStudy(studyId: string, body: UpdateStudyBody): Promise<Study> {
  return call(studyEndpoints.updateStudy, { params: { studyId }, body });
}

export function useUpdateStudy(studyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateStudyBody) => updateStudy(studyId, body),
    onSuccess: (study) => {
      queryClient.setQueryData(['studies', study.id], study);
      // Study lists and the project's attribute list (values in use) change with it.
      void queryClient.invalidateQueries({ queryKey: ['projects', study.projectId] });
    },
  });
}
