import { queryOptions, useQuery } from '@tanstack/react-query';
import { agreementEndpoints, type Disagreements } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { scopeQuery, type AgreementScope } from './agreement-params';

type Scope = Pick<AgreementScope, 'coders' | 'codes'>;

/** The regions of a document coded differently, with their resolutions. */
export function getDisagreements(documentId: string, scope: Scope): Promise<Disagreements> {
  const { coders, codes } = scopeQuery({ coders: scope.coders, codes: scope.codes });
  return call(agreementEndpoints.listDisagreements, {
    params: { documentId },
    query: { coders, codes },
  });
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
