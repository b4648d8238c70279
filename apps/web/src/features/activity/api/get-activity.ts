import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { ActivityPage } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/projects/:projectId/activity: one page, newest first, after `cursor` (owners only). */
export function getActivity(projectId: string, cursor: string | null): Promise<ActivityPage> {
  const query = new URLSearchParams({ limit: '50' });
  if (cursor) query.set('cursor', cursor);
  return api<ActivityPage>(
    'GET',
    `/api/projects/${encodeURIComponent(projectId)}/activity?${query}`,
  );
}

export function getActivityQueryOptions(projectId: string) {
  return infiniteQueryOptions({
    queryKey: ['projects', projectId, 'activity'],
    queryFn: ({ pageParam }) => getActivity(projectId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useActivity(projectId: string, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    ...getActivityQueryOptions(projectId),
    enabled: options.enabled ?? true,
  });
}
