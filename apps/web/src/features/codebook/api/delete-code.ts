import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { codeEndpoints, type CodebookUndoRef, type Code } from '@kodbok/contracts';
import { invalidateCodebook } from './invalidate';
import { undoCodebook } from './undo-codebook';
import { useOfferUndo } from '../hooks/use-offer-undo';

/** What happens to the highlights of a code in use; the server answers 409 without a choice. */
export type DeleteCodeChoice =
  { highlights: 'delete' } | { highlights: 'move'; moveTo: string } | null;

/** Deletes a code (children move up to its parent); answers the id that undoes it. */
export function deleteCode(codeId: string, choice: DeleteCodeChoice): Promise<CodebookUndoRef> {
  return call(codeEndpoints.deleteCode, { params: { codeId }, query: choice ?? {} });
}

/** Deletes a code, then says so with Undo (the server keeps what undoing needs). */
export function useDeleteCode(projectId: string) {
  const queryClient = useQueryClient();
  const offerUndo = useOfferUndo(projectId);
  return useMutation({
    mutationFn: ({ code, choice }: { code: Code; choice: DeleteCodeChoice }) =>
      deleteCode(code.id, choice),
    onSuccess: ({ undoId }, { code }) =>
      offerUndo(`Deleted “${code.name}”`, () => undoCodebook(undoId)),
    onSettled: () => invalidateCodebook(queryClient, projectId),
  });
}
