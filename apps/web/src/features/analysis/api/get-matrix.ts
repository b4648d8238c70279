import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Matrix } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import {
  ANALYSIS_STALE_TIME,
  filterParams,
  projectPath,
  type AnalysisFilter,
} from './analysis-params';

export interface MatrixPage {
  groupBy: string | null;
  offset: number;
  limit: number;
}

/** GET /api/projects/:projectId/matrix: one page of study columns. */
export function getMatrix(
  projectId: string,
  filter: AnalysisFilter,
  page: MatrixPage,
): Promise<Matrix> {
  const extra = {
    offset: page.offset,
    limit: page.limit,
    ...(page.groupBy ? { groupBy: page.groupBy } : {}),
  };
  return api<Matrix>('GET', projectPath(projectId, 'matrix') + filterParams(filter, extra));
}

export function getMatrixQueryOptions(projectId: string, filter: AnalysisFilter, page: MatrixPage) {
  return queryOptions({
    queryKey: ['projects', projectId, 'analysis', 'matrix', filter, page],
    queryFn: () => getMatrix(projectId, filter, page),
    staleTime: ANALYSIS_STALE_TIME,
    placeholderData: keepPreviousData,
  });
}

export function useMatrix(projectId: string, filter: AnalysisFilter, page: MatrixPage) {
  return useQuery(getMatrixQueryOptions(projectId, filter, page));
}
