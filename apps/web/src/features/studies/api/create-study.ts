import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateStudyBody, Study } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { studiesQueryKey } from '../../../lib/queries/studies-query-key';

/** POST /api/projects/:projectId/studies */
export function createStudy(projectId: string, body: CreateStudyBody): Promise<Study> {
  return api<Study>('POST', `/api/projects/${encodeURIComponent(projectId)}/studies`, body);
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
