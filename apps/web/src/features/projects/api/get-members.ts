import { queryOptions, useQuery } from '@tanstack/react-query';
import { memberEndpoints, type Member } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** The project's members with their roles. */
export function getMembers(projectId: string): Promise<Member[]> {
  return call(memberEndpoints.listMembers, { params: { projectId } });
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
