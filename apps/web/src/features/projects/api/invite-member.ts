import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Invitation, InviteBody } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { invitationsPath } from './get-invitations';

/**
 * POST /api/projects/:projectId/invitations: the same answer whether or not the e-mail has an
 * account; 409 when it is a member's.
 */
export function inviteMember(projectId: string, body: InviteBody): Promise<Invitation> {
  return api<Invitation>('POST', invitationsPath(projectId), body);
}

export function useInviteMember(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteBody) => inviteMember(projectId, body),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['projects', projectId, 'invitations'] }),
  });
}
