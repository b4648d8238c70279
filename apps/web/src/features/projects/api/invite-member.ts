import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invitationEndpoints, type Invitation, type InviteBody } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/**
 * Invites an e-mail to the project: the same answer whether or not the e-mail has an account;
 * 409 when it is a member's.
 */
export function inviteMember(projectId: string, body: InviteBody): Promise<Invitation> {
  return call(invitationEndpoints.createInvitation, { params: { projectId }, body });
}

export function useInviteMember(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteBody) => inviteMember(projectId, body),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['projects', projectId, 'invitations'] }),
  });
}
