import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { memoEndpoints, type MemoTargetKind, type PutMemoBody } from '@kodbok/contracts';
import { call, type RequestOptions } from '../../../lib/api-client';

/** What a memo is about: the project, or a study, document or code by id. */
export type MemoTarget = { on: 'project' } | { on: Exclude<MemoTargetKind, 'project'>; id: string };

/** Names the memo among the page's drafts, like a highlight's id does its memo. */
export const memoKey = (t: MemoTarget) => (t.on === 'project' ? 'project' : `${t.on}:${t.id}`);

/** The memos on one target. */
export function memosQueryOptions(projectId: string, target: MemoTarget) {
  return queryOptions({
    queryKey: ['projects', projectId, 'memos', memoKey(target)],
    queryFn: () =>
      call(memoEndpoints.listMemos, {
        params: { projectId },
        query: target.on === 'project' ? { on: 'project' } : { on: target.on, id: target.id },
      }),
  });
}

export function useMemos(projectId: string, target: MemoTarget) {
  return useQuery(memosQueryOptions(projectId, target));
}

/** Every memo of the project the caller may read. */
export function useAllMemos(projectId: string) {
  return useQuery({
    queryKey: ['projects', projectId, 'memos', 'all'],
    queryFn: () => call(memoEndpoints.listMemos, { params: { projectId } }),
  });
}

/** Writes the caller's own memo (null deletes it). */
export function putMemo(
  projectId: string,
  target: MemoTarget,
  text: string | null,
  options?: RequestOptions,
) {
  const body: PutMemoBody = { ...target, text };
  return call(memoEndpoints.putMemo, { params: { projectId }, body }, options);
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
