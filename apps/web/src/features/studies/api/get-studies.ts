import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Study } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/projects/:projectId/studies, optionally searched by title. */
export function getStudies(projectId: string, q: string): Promise<Study[]> {
  const query = q ? `?q=${encodeURIComponent(q)}` : '';
  return api<Study[]>('GET', `/api/projects/${encodeURIComponent(projectId)}/studies${query}`);
}

/** The whole list is cached under q: '' so the sidebar and the studies page share it. */
export function getStudiesQueryOptions(projectId: string, q = '') {
  return queryOptions({
    queryKey: ['projects', projectId, 'studies', { q }],
    queryFn: () => getStudies(projectId, q),
  });
}

export function useStudies(projectId: string, q = '', options: { keepPrevious?: boolean } = {}) {
  return useQuery({
    ...getStudiesQueryOptions(projectId, q),
    // While the user types a search, keep showing the last result instead of flashing a skeleton.
    placeholderData: options.keepPrevious ? (previous) => previous : undefined,
  });
}
