import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Member } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/projects/:projectId/members */
export function getMembers(projectId: string): Promise<Member[]> {
  return api<Member[]>('GET', `/api/projects/${encodeURIComponent(projectId)}/members`);
}

export function getMembersQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: ['projects', projectId, 'members'],
    queryFn: () => getMembers(projectId),
  });
}

export function useMembers(projectId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getMembersQueryOptions(projectId), enabled: options.enabled ?? true });
}
