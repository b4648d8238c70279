import { queryOptions, useQuery } from '@tanstack/react-query';
import { analysisEndpoints } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { exportFilterQuery, type ExportFilter } from './export-params';

/**
 * How many excerpts the filters select (one page of one excerpt), so the panel can say how big
 * an export is and which reports it can make.
 */
export function getExcerptCount(projectId: string, filter: ExportFilter): Promise<number> {
  return call(analysisEndpoints.listExcerpts, {
    params: { projectId },
    query: { ...exportFilterQuery(filter), limit: 1 },
  }).then((r) => r.total);
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
