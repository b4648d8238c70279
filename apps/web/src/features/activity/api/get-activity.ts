import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { activityEndpoints, type ActivityPage } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** One page of the project's activity, newest first, after `cursor` (owners only). */
export function getActivity(projectId: string, cursor: string | null): Promise<ActivityPage> {
  return call(activityEndpoints.getActivity, {
    params: { projectId },
    query: { limit: 50, cursor: cursor || undefined },
  });
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
