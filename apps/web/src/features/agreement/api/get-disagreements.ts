import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Disagreements } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { documentPath, scopeQuery, type AgreementScope } from './agreement-params';

type Scope = Pick<AgreementScope, 'coders' | 'codes'>;

/** GET /api/documents/:documentId/disagreements: regions coded differently, with their resolutions. */
export function getDisagreements(documentId: string, scope: Scope): Promise<Disagreements> {
  return api<Disagreements>(
    'GET',
    documentPath(documentId, 'disagreements') +
      scopeQuery({ coders: scope.coders, codes: scope.codes }),
  );
}

// Under ['documents', id]: coding the document in the workspace invalidates that key, and so
// these regions too.
export const disagreementsKey = (documentId: string) =>
  ['documents', documentId, 'disagreements'] as const;

export function getDisagreementsQueryOptions(documentId: string, scope: Scope) {
  return queryOptions({
    queryKey: [...disagreementsKey(documentId), scope.coders, scope.codes],
    queryFn: () => getDisagreements(documentId, scope),
    staleTime: 0,
  });
}

export function useDisagreements(documentId: string, scope: Scope) {
  return useQuery({
    ...getDisagreementsQueryOptions(documentId, scope),
    enabled: scope.coders.length >= 2,
  });
}
