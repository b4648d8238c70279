import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DocumentSearch } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { ANALYSIS_STALE_TIME, projectPath } from './analysis-params';

/** GET /api/projects/:projectId/search?q=…: documents whose text matches. */
export function searchDocuments(projectId: string, q: string): Promise<DocumentSearch> {
  const query = new URLSearchParams({ q, limit: '20' });
  return api<DocumentSearch>('GET', `${projectPath(projectId, 'search')}?${query}`);
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
