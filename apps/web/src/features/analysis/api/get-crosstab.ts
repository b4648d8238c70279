import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { analysisEndpoints, type Crosstab } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { ANALYSIS_STALE_TIME, filterQuery, type AnalysisFilter } from './analysis-params';

/** Codes across the values of a study `attribute`. */
export function getCrosstab(
  projectId: string,
  filter: AnalysisFilter,
  attribute: string,
): Promise<Crosstab> {
  return call(analysisEndpoints.getCrosstab, {
    params: { projectId },
    query: { ...filterQuery(filter), attribute },
  });
}

export function getCrosstabQueryOptions(
  projectId: string,
  filter: AnalysisFilter,
  attribute: string,
) {
  return queryOptions({
    queryKey: ['projects', projectId, 'analysis', 'crosstab', filter, attribute],
    queryFn: () => getCrosstab(projectId, filter, attribute),
    staleTime: ANALYSIS_STALE_TIME,
    placeholderData: keepPreviousData,
  });
}

export function useCrosstab(projectId: string, filter: AnalysisFilter, attribute: string | null) {
  return useQuery({
    ...getCrosstabQueryOptions(projectId, filter, attribute ?? ''),
    enabled: Boolean(attribute),
  });
}
