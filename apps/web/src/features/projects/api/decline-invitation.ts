import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { myInvitationPath, refreshAfterAnswer } from './accept-invitation';

/** POST /api/me/invitations/:invitationId/decline */
export function declineInvitation(invitationId: string): Promise<void> {
  return api<void>('POST', myInvitationPath(invitationId, 'decline'));
}

export function useDeclineInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: declineInvitation,
    onSettled: () => refreshAfterAnswer(queryClient),
  });
}
