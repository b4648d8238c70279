import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Invitation } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

export const invitationsPath = (projectId: string) =>
  `/api/projects/${encodeURIComponent(projectId)}/invitations`;

/** GET /api/projects/:projectId/invitations: the pending ones (owners and supervisors only). */
export function getInvitations(projectId: string): Promise<Invitation[]> {
  return api<Invitation[]>('GET', invitationsPath(projectId));
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
