import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Crosstab } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import {
  ANALYSIS_STALE_TIME,
  filterParams,
  projectPath,
  type AnalysisFilter,
} from './analysis-params';

/** GET /api/projects/:projectId/crosstab?attribute=… */
export function getCrosstab(
  projectId: string,
  filter: AnalysisFilter,
  attribute: string,
): Promise<Crosstab> {
  return api<Crosstab>(
    'GET',
    projectPath(projectId, 'crosstab') + filterParams(filter, { attribute }),
  );
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
