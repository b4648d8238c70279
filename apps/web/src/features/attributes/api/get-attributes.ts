import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Attribute } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/projects/:projectId/attributes */
export function getAttributes(projectId: string): Promise<Attribute[]> {
  return api<Attribute[]>('GET', `/api/projects/${encodeURIComponent(projectId)}/attributes`);
}

export function getAttributesQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: ['projects', projectId, 'attributes'],
    queryFn: () => getAttributes(projectId),
  });
}

export function useAttributes(projectId: string) {
  return useQuery(getAttributesQueryOptions(projectId));
}
