import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Excerpts } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { exportQuery, type ExportFilter } from './export-params';

/**
 * GET /api/projects/:projectId/excerpts?limit=1: how many excerpts the filters select, so the
 * panel can say how big an export is and which reports it can make.
 */
export function getExcerptCount(projectId: string, filter: ExportFilter): Promise<number> {
  const path = `/api/projects/${encodeURIComponent(projectId)}/excerpts`;
  return api<Excerpts>('GET', path + exportQuery(filter, { limit: '1' })).then((r) => r.total);
}

export function getExcerptCountQueryOptions(projectId: string, filter: ExportFilter) {
  return queryOptions({
    queryKey: ['projects', projectId, 'exports', 'excerpt-count', filter],
    queryFn: () => getExcerptCount(projectId, filter),
    // Coding goes on elsewhere: count afresh whenever the panel opens.
    staleTime: 0,
  });
}

export function useExcerptCount(projectId: string, filter: ExportFilter) {
  return useQuery(getExcerptCountQueryOptions(projectId, filter));
}
