import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Study, UpdateStudyBody } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** PATCH /api/studies/:studyId */
export function updateStudy(studyId: string, body: UpdateStudyBody): Promise<Study> {
  return api<Study>('PATCH', `/api/studies/${encodeURIComponent(studyId)}`, body);
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
