import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Project } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

export const myInvitationPath = (invitationId: string, answer: 'accept' | 'decline') =>
  `/api/me/invitations/${encodeURIComponent(invitationId)}/${answer}`;

/** POST /api/me/invitations/:invitationId/accept: joins the project with the invited role. */
export function acceptInvitation(invitationId: string): Promise<Project> {
  return api<Project>('POST', myInvitationPath(invitationId, 'accept'));
}

/** After an answer (or a 404: withdrawn meanwhile) the invitation is gone; a project may be new. */
export const refreshAfterAnswer = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ['me', 'invitations'] }),
    queryClient.invalidateQueries({ queryKey: ['projects'], exact: true }),
  ]);

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    onSettled: () => refreshAfterAnswer(queryClient),
  });
}
