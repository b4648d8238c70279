import { useMutation, useQueryClient } from '@tanstack/react-query';
import { consensusEndpoints, type Reconciliation } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { agreementKey } from './agreement-params';

/** Marks a study reconciled, or reopens it. */
export function updateReconciliation(
  studyId: string,
  reconciled: boolean,
): Promise<Reconciliation> {
  return call(consensusEndpoints.setReconciliation, {
    params: { studyId },
    body: { reconciled },
  });
}

export function useUpdateReconciliation(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ studyId, reconciled }: { studyId: string; reconciled: boolean }) =>
      updateReconciliation(studyId, reconciled),
    // The grid shows who reconciled what, and its progress.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementKey(projectId) }),
  });
}
