import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Code, CreateCodeBody } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { invalidateCodebook } from './invalidate';

/** POST /api/projects/:projectId/codes: 409 when a sibling has the same name. */
export function createCode(projectId: string, body: CreateCodeBody): Promise<Code> {
  return api<Code>('POST', `/api/projects/${encodeURIComponent(projectId)}/codes`, body);
}

export function useCreateCode(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCodeBody) => createCode(projectId, body),
    onSettled: () => invalidateCodebook(queryClient, projectId),
  });
}
