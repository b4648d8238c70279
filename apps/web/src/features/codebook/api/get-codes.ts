import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Code } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/projects/:projectId/codes: the flat codebook with live highlight counts. */
export function getCodes(projectId: string): Promise<Code[]> {
  return api<Code[]>('GET', `/api/projects/${encodeURIComponent(projectId)}/codes`);
}

// features/coding has its own module for this endpoint (features may not import each other);
// both MUST use this exact key so the workspace shares one cached codebook between its panes.
export function codesQueryKey(projectId: string) {
  return ['projects', projectId, 'codes'] as const;
}

export function getCodesQueryOptions(projectId: string) {
  return queryOptions({ queryKey: codesQueryKey(projectId), queryFn: () => getCodes(projectId) });
}

export function useCodes(projectId: string) {
  return useQuery(getCodesQueryOptions(projectId));
}
