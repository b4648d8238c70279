import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { analysisEndpoints, type Cooccurrence, type CooccurrenceMode } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { ANALYSIS_STALE_TIME, filterQuery, type AnalysisFilter } from './analysis-params';

/** How often codes occur together, by `mode`. */
export function getCooccurrence(
  projectId: string,
  filter: AnalysisFilter,
  mode: CooccurrenceMode,
): Promise<Cooccurrence> {
  return call(analysisEndpoints.getCooccurrence, {
    params: { projectId },
    query: { ...filterQuery(filter), mode },
  });
}

export function getCooccurrenceQueryOptions(
  projectId: string,
  filter: AnalysisFilter,
  mode: CooccurrenceMode,
) {
  return queryOptions({
    queryKey: ['projects', projectId, 'analysis', 'cooccurrence', filter, mode],
    queryFn: () => getCooccurrence(projectId, filter, mode),
    staleTime: ANALYSIS_STALE_TIME,
    placeholderData: keepPreviousData,
  });
}

export function useCooccurrence(projectId: string, filter: AnalysisFilter, mode: CooccurrenceMode) {
  return useQuery(getCooccurrenceQueryOptions(projectId, filter, mode));
}
