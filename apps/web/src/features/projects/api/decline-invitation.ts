import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invitationEndpoints } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { refreshAfterAnswer } from './accept-invitation';

/** Declines an invitation: it is gone. */
export async function declineInvitation(invitationId: string): Promise<void> {
  await call(invitationEndpoints.declineInvitation, { params: { invitationId } });
}

export function useDeclineInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: declineInvitation,
    onSettled: () => refreshAfterAnswer(queryClient),
  });
}
