import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invitationEndpoints } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** Withdraws a pending invitation. */
export async function withdrawInvitation(projectId: string, invitationId: string): Promise<void> {
  await call(invitationEndpoints.deleteInvitation, { params: { projectId, invitationId } });
}

export function useWithdrawInvitation(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => withdrawInvitation(projectId, invitationId),
    // Settled, not success: an invitation accepted meanwhile answers 404, and the list is stale.
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: ['projects', projectId, 'invitations'] }),
  });
}
