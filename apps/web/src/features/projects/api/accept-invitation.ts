import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { invitationEndpoints, type Project } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** Accepts an invitation: joins the project with the invited role. */
export function acceptInvitation(invitationId: string): Promise<Project> {
  return call(invitationEndpoints.acceptInvitation, { params: { invitationId } });
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
