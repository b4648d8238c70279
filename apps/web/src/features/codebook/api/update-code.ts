import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Code, UpdateCodeBody } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { invalidateCodebook } from './invalidate';

/** PATCH /api/codes/:codeId: rename, recolour, describe, reorder or move (409 on a cycle). */
export function updateCode(codeId: string, body: UpdateCodeBody): Promise<Code> {
  return api<Code>('PATCH', `/api/codes/${encodeURIComponent(codeId)}`, body);
}

export function useUpdateCode(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ codeId, body }: { codeId: string; body: UpdateCodeBody }) =>
      updateCode(codeId, body),
    onSettled: () => invalidateCodebook(queryClient, projectId),
  });
}
