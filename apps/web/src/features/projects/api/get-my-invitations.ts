import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Invitation } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/me/invitations: the signed-in user's pending invitations, newest first. */
export function getMyInvitations(): Promise<Invitation[]> {
  return api<Invitation[]>('GET', '/api/me/invitations');
}

export function getMyInvitationsQueryOptions() {
  return queryOptions({ queryKey: ['me', 'invitations'], queryFn: getMyInvitations });
}

export function useMyInvitations() {
  return useQuery(getMyInvitationsQueryOptions());
}
