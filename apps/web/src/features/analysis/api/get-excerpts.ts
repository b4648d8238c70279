import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { analysisEndpoints, type Excerpts } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { ANALYSIS_STALE_TIME, filterQuery, type AnalysisFilter } from './analysis-params';

export interface ExcerptSelection {
  q: string;
  /** Only these studies (a matrix cell); empty: all that pass the filter. */
  studies: readonly string[];
  /** Highlights carrying every filtered code, not any of them. */
  allCodes?: boolean;
}

/** One page of coded excerpts, after `cursor`. */
export function getExcerpts(
  projectId: string,
  filter: AnalysisFilter,
  selection: ExcerptSelection,
  cursor: string | null,
): Promise<Excerpts> {
  return call(analysisEndpoints.listExcerpts, {
    params: { projectId },
    query: {
      ...filterQuery(filter),
      limit: 50,
      q: selection.q || undefined,
      studies: selection.studies.length > 0 ? selection.studies.join(',') : undefined,
      codeMatch: selection.allCodes ? 'all' : undefined,
      cursor: cursor || undefined,
    },
  });
}

export function getExcerptsQueryOptions(
  projectId: string,
  filter: AnalysisFilter,
  selection: ExcerptSelection,
) {
  return infiniteQueryOptions({
    queryKey: ['projects', projectId, 'analysis', 'excerpts', filter, selection],
    queryFn: ({ pageParam }) => getExcerpts(projectId, filter, selection, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: ANALYSIS_STALE_TIME,
  });
}

export function useExcerpts(
  projectId: string,
  filter: AnalysisFilter,
  selection: ExcerptSelection,
) {
  return useInfiniteQuery(getExcerptsQueryOptions(projectId, filter, selection));
}
