import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Code } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/projects/:projectId/codes: the flat codebook (parentId + position give the tree). */
export function getCodes(projectId: string): Promise<Code[]> {
  return api<Code[]>('GET', `/api/projects/${encodeURIComponent(projectId)}/codes`);
}

// The codebook feature has its own module for this endpoint (features may not import each other);
// both use this exact key, so the workspace fetches the codebook once and every mutation that
// invalidates it refreshes both panes.
export function codesQueryKey(projectId: string) {
  return ['projects', projectId, 'codes'] as const;
}

export function getCodesQueryOptions(projectId: string) {
  return queryOptions({ queryKey: codesQueryKey(projectId), queryFn: () => getCodes(projectId) });
}

export function useCodes(projectId: string) {
  return useQuery(getCodesQueryOptions(projectId));
}
