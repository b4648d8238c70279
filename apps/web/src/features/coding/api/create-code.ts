import { useMutation, useQueryClient } from '@tanstack/react-query';
import { codeEndpoints, type Code, type CreateCodeBody } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { codesQueryKey } from '../../../lib/queries/get-codes';

/** Adds a code, for codes created from the picker ("Create code", in-vivo). */
export function createCode(projectId: string, body: CreateCodeBody): Promise<Code> {
  return call(codeEndpoints.createCode, { params: { projectId }, body });
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
