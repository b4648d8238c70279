import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemoList, MemoTargetKind, PutMemoBody } from '@kodbok/contracts';
import { api, type RequestOptions } from '../../../lib/api-client';

/** What a memo is about: the project, or a study, document or code by id. */
export type MemoTarget = { on: 'project' } | { on: Exclude<MemoTargetKind, 'project'>; id: string };

const targetQuery = (t: MemoTarget) =>
  t.on === 'project' ? 'on=project' : `on=${t.on}&id=${encodeURIComponent(t.id)}`;

/** Names the memo among the page's drafts, like a highlight's id does its memo. */
export const memoKey = (t: MemoTarget) => (t.on === 'project' ? 'project' : `${t.on}:${t.id}`);

/** GET /api/projects/:projectId/memos?on=…&id=… */
export function memosQueryOptions(projectId: string, target: MemoTarget) {
  return queryOptions({
    queryKey: ['projects', projectId, 'memos', memoKey(target)],
    queryFn: () =>
      api<MemoList>(
        'GET',
        `/api/projects/${encodeURIComponent(projectId)}/memos?${targetQuery(target)}`,
      ),
  });
}

export function useMemos(projectId: string, target: MemoTarget) {
  return useQuery(memosQueryOptions(projectId, target));
}

/** GET /api/projects/:projectId/memos: every memo of the project the caller may read. */
export function useAllMemos(projectId: string) {
  return useQuery({
    queryKey: ['projects', projectId, 'memos', 'all'],
    queryFn: () => api<MemoList>('GET', `/api/projects/${encodeURIComponent(projectId)}/memos`),
  });
}

/** PUT /api/projects/:projectId/memos: the caller's own memo (null deletes it). */
export function putMemo(
  projectId: string,
  target: MemoTarget,
  text: string | null,
  options?: RequestOptions,
) {
  const body: PutMemoBody = { ...target, text };
  return api<unknown>('PUT', `/api/projects/${encodeURIComponent(projectId)}/memos`, body, options);
}

/**
 * Saves the caller's memo; resolves to whether it was stored (the memo field shows a failure and
 * offers Retry). The list is refetched afterwards, so it shows what the server stored.
 */
export function useSaveMemo(projectId: string, target: MemoTarget) {
  const queryClient = useQueryClient();
  return async (text: string | null, keepalive: boolean): Promise<boolean> => {
    try {
      await putMemo(projectId, target, text, { keepalive });
      // This target's list and the project's list of every memo.
      void queryClient.invalidateQueries({ queryKey: ['projects', projectId, 'memos'] });
      return true;
    } catch {
      return false;
    }
  };
}
