import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invitationsPath } from './get-invitations';

/** DELETE /api/projects/:projectId/invitations/:invitationId */
export function withdrawInvitation(projectId: string, invitationId: string): Promise<void> {
  return api<void>('DELETE', `${invitationsPath(projectId)}/${encodeURIComponent(invitationId)}`);
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
