import type { AgreementScope } from '../api/agreement-params';

/** Comma lists in page URLs, as in the API: short enough to share, read back by `readList`. */
export const readList = (params: URLSearchParams, name: string): string[] =>
  params.get(name)?.split(',').filter(Boolean) ?? [];

function scopeParams(scope: AgreementScope, extra: Record<string, string | null>) {
  const params = new URLSearchParams();
  if (scope.coders.length) params.set('coders', scope.coders.join(','));
  if (scope.codes.length) params.set('codes', scope.codes.join(','));
  if (scope.studies.length) params.set('studies', scope.studies.join(','));
  for (const [k, v] of Object.entries(extra)) if (v !== null) params.set(k, v);
  return params.toString();
}

/**
 * The review of one document for the same coders, codes and studies as the agreement page (so
 * "next study" follows the grid the supervisor was looking at); `code` picks the first region
 * of a code, as a grid cell does.
 */
export function reviewPath(
  projectId: string,
  documentId: string,
  scope: AgreementScope,
  code: string | null = null,
) {
  const query = scopeParams(scope, { code });
  return `/projects/${projectId}/agreement/review/${documentId}?${query}`;
}

/** Back from the review to the agreement grid, same scope. */
export function agreementPath(projectId: string, scope: AgreementScope, view = 'grid') {
  return `/projects/${projectId}/agreement?${scopeParams(scope, { view })}`;
}
