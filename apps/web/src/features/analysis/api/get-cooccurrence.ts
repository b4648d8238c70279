import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Cooccurrence, CooccurrenceMode } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import {
  ANALYSIS_STALE_TIME,
  filterParams,
  projectPath,
  type AnalysisFilter,
} from './analysis-params';

/** GET /api/projects/:projectId/cooccurrence?mode=… */
export function getCooccurrence(
  projectId: string,
  filter: AnalysisFilter,
  mode: CooccurrenceMode,
): Promise<Cooccurrence> {
  return api<Cooccurrence>(
    'GET',
    projectPath(projectId, 'cooccurrence') + filterParams(filter, { mode }),
  );
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
