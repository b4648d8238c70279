/** Whose coding is compared, over which codes and studies: what every agreement endpoint takes. */
export interface AgreementScope {
  /** Two or more coder ids; "consensus" is a coder too. */
  coders: readonly string[];
  /** Empty: every code. */
  codes: readonly string[];
  /** Empty: every study a chosen coder is assigned to or coded. */
  studies: readonly string[];
}

/** The query string the agreement endpoints understand (packages/contracts/src/agreement.ts). */
export function scopeQuery(
  scope: Pick<AgreementScope, 'coders'> & Partial<AgreementScope>,
  extra: Record<string, string | number> = {},
): string {
  const params = new URLSearchParams({ coders: scope.coders.join(',') });
  if (scope.codes?.length) params.set('codes', scope.codes.join(','));
  if (scope.studies?.length) params.set('studies', scope.studies.join(','));
  for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
  return `?${params}`;
}

export const projectPath = (projectId: string, endpoint: string) =>
  `/api/projects/${encodeURIComponent(projectId)}/${endpoint}`;
export const documentPath = (documentId: string, endpoint = '') =>
  `/api/documents/${encodeURIComponent(documentId)}${endpoint ? `/${endpoint}` : ''}`;

/** Statistics and the grid of a project: both change whenever anyone codes or resolves. */
export const agreementKey = (projectId: string) => ['projects', projectId, 'agreement'] as const;

// Coding elsewhere changes every figure here: always refetch when a view opens.
export const AGREEMENT_STALE_TIME = 0;
