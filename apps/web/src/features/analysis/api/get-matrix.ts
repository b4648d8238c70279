import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { analysisEndpoints, type Matrix } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { ANALYSIS_STALE_TIME, filterQuery, type AnalysisFilter } from './analysis-params';

export interface MatrixPage {
  groupBy: string | null;
  offset: number;
  limit: number;
}

/** One page of study columns of the codes × studies matrix. */
export function getMatrix(
  projectId: string,
  filter: AnalysisFilter,
  page: MatrixPage,
): Promise<Matrix> {
  return call(analysisEndpoints.getMatrix, {
    params: { projectId },
    query: {
      ...filterQuery(filter),
      offset: page.offset,
      limit: page.limit,
      groupBy: page.groupBy || undefined,
    },
  });
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
