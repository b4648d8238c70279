import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { analysisEndpoints, type Frequencies } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { ANALYSIS_STALE_TIME, filterQuery, type AnalysisFilter } from './analysis-params';

/** How often each code is used: highlights and studies. */
export function getFrequencies(projectId: string, filter: AnalysisFilter): Promise<Frequencies> {
  return call(analysisEndpoints.getFrequencies, {
    params: { projectId },
    query: filterQuery(filter),
  });
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
