import { useMutation, useQueryClient } from '@tanstack/react-query';
import { codeEndpoints, type Code, type CreateCodeBody } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { invalidateCodebook } from './invalidate';

/** Adds a code: 409 when a sibling has the same name. */
export function createCode(projectId: string, body: CreateCodeBody): Promise<Code> {
  return call(codeEndpoints.createCode, { params: { projectId }, body });
}

export function useCreateCode(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCodeBody) => createCode(projectId, body),
    onSettled: () => invalidateCodebook(queryClient, projectId),
  });
}
