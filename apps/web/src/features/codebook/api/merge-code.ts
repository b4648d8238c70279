import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CodebookUndoRef, Code } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { invalidateCodebook } from './invalidate';

/**
 * POST /api/codes/:codeId/merge: highlights and children move to the target, which is returned
 * with the id that undoes the merge.
 */
export function mergeCode(codeId: string, intoCodeId: string): Promise<Code & CodebookUndoRef> {
  return api<Code & CodebookUndoRef>('POST', `/api/codes/${encodeURIComponent(codeId)}/merge`, {
    intoCodeId,
  });
}

export function useMergeCode(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ codeId, intoCodeId }: { codeId: string; intoCodeId: string }) =>
      mergeCode(codeId, intoCodeId),
    onSettled: () => invalidateCodebook(queryClient, projectId),
  });
}
