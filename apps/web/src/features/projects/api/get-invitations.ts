import { queryOptions, useQuery } from '@tanstack/react-query';
import { invitationEndpoints, type Invitation } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** The project's pending invitations (owners and supervisors only). */
export function getInvitations(projectId: string): Promise<Invitation[]> {
  return call(invitationEndpoints.listInvitations, { params: { projectId } });
}

export function getInvitationsQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: ['projects', projectId, 'invitations'],
    queryFn: () => getInvitations(projectId),
  });
}

export function useInvitations(projectId: string) {
  return useQuery(getInvitationsQueryOptions(projectId));
}
