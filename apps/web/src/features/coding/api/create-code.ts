import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Code, CreateCodeBody } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { codesQueryKey } from '../../../lib/queries/get-codes';

/** POST /api/projects/:projectId/codes, for codes created from the picker ("Create code", in-vivo). */
export function createCode(projectId: string, body: CreateCodeBody): Promise<Code> {
  return api<Code>('POST', `/api/projects/${encodeURIComponent(projectId)}/codes`, body);
}

export function useCreateCode(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCodeBody) => createCode(projectId, body),
    // Put it in the cache at once so the highlight applied next can find its colour and name.
    onSuccess: (code) => {
      queryClient.setQueriesData<Code[]>({ queryKey: codesQueryKey(projectId) }, (codes) =>
        codes ? [...codes, code] : codes,
      );
      void queryClient.invalidateQueries({ queryKey: codesQueryKey(projectId) });
    },
  });
}
