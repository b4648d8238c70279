import { useMutation, useQueryClient } from '@tanstack/react-query';
import { codeEndpoints, type Code, type UpdateCodeBody } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { invalidateCodebook } from './invalidate';
import { useOfferUndo } from '../hooks/use-offer-undo';
import { describeChange, undoPatch } from '../lib/undo-patch';

/** Rename, recolour, describe, reorder or move (409 on a cycle). */
export function updateCode(codeId: string, body: UpdateCodeBody): Promise<Code> {
  return call(codeEndpoints.updateCode, { params: { codeId }, body });
}

/**
 * Changes a code. Given the code as it was (`before`) and the codebook, the change is said in a
 * toast with Undo, which puts the changed fields back.
 */
export function useUpdateCode(projectId: string) {
  const queryClient = useQueryClient();
  const offerUndo = useOfferUndo(projectId);
  return useMutation({
    mutationFn: (v: {
      codeId: string;
      body: UpdateCodeBody;
      before?: Code;
      codes?: readonly Code[];
    }) => updateCode(v.codeId, v.body),
    onSuccess: (_code, { body, before, codes }) => {
      if (!before) return;
      offerUndo(describeChange(before, body, codes ?? []), () =>
        updateCode(before.id, undoPatch(before, body)),
      );
    },
    onSettled: () => invalidateCodebook(queryClient, projectId),
  });
}
