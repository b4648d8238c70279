import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Frequencies } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import {
  ANALYSIS_STALE_TIME,
  filterParams,
  projectPath,
  type AnalysisFilter,
} from './analysis-params';

/** GET /api/projects/:projectId/frequencies */
export function getFrequencies(projectId: string, filter: AnalysisFilter): Promise<Frequencies> {
  return api<Frequencies>('GET', projectPath(projectId, 'frequencies') + filterParams(filter));
}

export function getFrequenciesQueryOptions(projectId: string, filter: AnalysisFilter) {
  return queryOptions({
    queryKey: ['projects', projectId, 'analysis', 'frequencies', filter],
    queryFn: () => getFrequencies(projectId, filter),
    staleTime: ANALYSIS_STALE_TIME,
    placeholderData: keepPreviousData,
  });
}

export function useFrequencies(projectId: string, filter: AnalysisFilter) {
  return useQuery(getFrequenciesQueryOptions(projectId, filter));
}
