import { queryOptions, useQuery } from '@tanstack/react-query';
import { invitationEndpoints, type Invitation } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** The signed-in user's pending invitations, newest first. */
export function getMyInvitations(): Promise<Invitation[]> {
  return call(invitationEndpoints.listMyInvitations);
}

export function getMyInvitationsQueryOptions() {
  return queryOptions({ queryKey: ['me', 'invitations'], queryFn: getMyInvitations });
}

export function useMyInvitations() {
  return useQuery(getMyInvitationsQueryOptions());
}
