import { queryOptions, useQuery } from '@tanstack/react-query';
import { codeEndpoints, type Code } from '@kodbok/contracts';
import { call } from '../api-client';

/**
 * The flat codebook with live highlight counts of
 * those coders (default: everyone the caller may see).
 */
export function getCodes(projectId: string, coders?: string): Promise<Code[]> {
  return call(codeEndpoints.listCodes, {
    params: { projectId },
    query: { coders: coders || undefined },
  });
}

// Shared by the codebook and coding features and the app's routes (features may not import each
// other), so the workspace caches one codebook for its panes. `codesQueryKey` is the prefix of
// every coder choice: invalidating it refreshes them all.
export function codesQueryKey(projectId: string) {
  return ['projects', projectId, 'codes'] as const;
}

export function getCodesQueryOptions(projectId: string, coders?: string) {
  return queryOptions({
    queryKey: [...codesQueryKey(projectId), { coders: coders ?? 'all' }],
    queryFn: () => getCodes(projectId, coders),
  });
}

export function useCodes(projectId: string, coders?: string) {
  return useQuery({
    ...getCodesQueryOptions(projectId, coders),
    // Switching coders keeps the tree (with the old counts) until the new counts arrive.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === projectId ? previous : undefined,
  });
}
