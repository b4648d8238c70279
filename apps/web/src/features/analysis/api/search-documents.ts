import { queryOptions, useQuery } from '@tanstack/react-query';
import { analysisEndpoints, type DocumentSearch } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { ANALYSIS_STALE_TIME } from './analysis-params';

/** Documents whose text matches `q`. */
export function searchDocuments(projectId: string, q: string): Promise<DocumentSearch> {
  return call(analysisEndpoints.searchDocuments, {
    params: { projectId },
    query: { q, limit: 20 },
  });
}

export function searchDocumentsQueryOptions(projectId: string, q: string) {
  return queryOptions({
    queryKey: ['projects', projectId, 'analysis', 'search', q],
    queryFn: () => searchDocuments(projectId, q),
    staleTime: ANALYSIS_STALE_TIME,
  });
}

export function useDocumentSearch(projectId: string, q: string) {
  return useQuery({ ...searchDocumentsQueryOptions(projectId, q), enabled: q.trim().length > 0 });
}
