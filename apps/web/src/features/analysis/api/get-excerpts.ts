import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Excerpts } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import {
  ANALYSIS_STALE_TIME,
  filterParams,
  projectPath,
  type AnalysisFilter,
} from './analysis-params';

export interface ExcerptSelection {
  q: string;
  /** Only these studies (a matrix cell); empty: all that pass the filter. */
  studies: readonly string[];
  /** Highlights carrying every filtered code, not any of them. */
  allCodes?: boolean;
}

/** GET /api/projects/:projectId/excerpts: one page, after `cursor`. */
export function getExcerpts(
  projectId: string,
  filter: AnalysisFilter,
  selection: ExcerptSelection,
  cursor: string | null,
): Promise<Excerpts> {
  const extra: Record<string, string> = { limit: '50' };
  if (selection.q) extra.q = selection.q;
  if (selection.studies.length > 0) extra.studies = selection.studies.join(',');
  if (selection.allCodes) extra.codeMatch = 'all';
  if (cursor) extra.cursor = cursor;
  return api<Excerpts>('GET', projectPath(projectId, 'excerpts') + filterParams(filter, extra));
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
