import { useMutation, useQueryClient } from '@tanstack/react-query';
import { codeEndpoints, type CodebookUndoRef, type Code } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { invalidateCodebook } from './invalidate';

/**
 * Merges a code into another: highlights and children move to the target, which is returned
 * with the id that undoes the merge.
 */
export function mergeCode(codeId: string, intoCodeId: string): Promise<Code & CodebookUndoRef> {
  return call(codeEndpoints.mergeCode, { params: { codeId }, body: { intoCodeId } });
}

export function useMergeCode(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ codeId, intoCodeId }: { codeId: string; intoCodeId: string }) =>
      mergeCode(codeId, intoCodeId),
    onSettled: () => invalidateCodebook(queryClient, projectId),
  });
}
