/** Whose coding is compared, over which codes and studies: what every agreement endpoint takes. */
export interface AgreementScope {
  /** Two or more coder ids; "consensus" is a coder too. */
  coders: readonly string[];
  /** Empty: every code. */
  codes: readonly string[];
  /** Empty: every study a chosen coder is assigned to or coded. */
  studies: readonly string[];
}

/**
 * The scope as the agreement endpoints take it (packages/contracts/src/agreement.ts): lists
 * comma-joined, empty ones left out (but for the coders, which every one of them needs).
 */
export function scopeQuery(scope: Pick<AgreementScope, 'coders'> & Partial<AgreementScope>) {
  return {
    coders: scope.coders.join(','),
    codes: scope.codes?.length ? scope.codes.join(',') : undefined,
    studies: scope.studies?.length ? scope.studies.join(',') : undefined,
  };
}

/** Statistics and the grid of a project: both change whenever anyone codes or resolves. */
export const agreementKey = (projectId: string) => ['projects', projectId, 'agreement'] as const;

// Coding elsewhere changes every figure here: always refetch when a view opens.
export const AGREEMENT_STALE_TIME = 0;
