import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Reconciliation } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { agreementKey } from './agreement-params';

/** PUT /api/studies/:studyId/reconciliation: marks a study reconciled, or reopens it. */
export function updateReconciliation(
  studyId: string,
  reconciled: boolean,
): Promise<Reconciliation> {
  return api<Reconciliation>('PUT', `/api/studies/${encodeURIComponent(studyId)}/reconciliation`, {
    reconciled,
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
