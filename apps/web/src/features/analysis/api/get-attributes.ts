import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Attribute } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { ANALYSIS_STALE_TIME, projectPath } from './analysis-params';

/** GET /api/projects/:projectId/attributes: names and values to filter and group by. */
export function getAttributes(projectId: string): Promise<Attribute[]> {
  return api<Attribute[]>('GET', projectPath(projectId, 'attributes'));
}

export function getAttributesQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: ['projects', projectId, 'analysis', 'attributes'],
    queryFn: () => getAttributes(projectId),
    staleTime: ANALYSIS_STALE_TIME,
  });
}

export function useAttributes(projectId: string) {
  return useQuery(getAttributesQueryOptions(projectId));
}
