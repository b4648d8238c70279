import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { agreementEndpoints, type Agreement, type AgreementLevel } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import {
  AGREEMENT_STALE_TIME,
  agreementKey,
  scopeQuery,
  type AgreementScope,
} from './agreement-params';

export interface AgreementMeasure {
  level: AgreementLevel;
  /** Segment level only. */
  threshold: number;
}

/** Agreement statistics, overall and per code. */
export function getAgreement(
  projectId: string,
  scope: AgreementScope,
  measure: AgreementMeasure,
): Promise<Agreement> {
  return call(agreementEndpoints.getAgreement, {
    params: { projectId },
    query: {
      ...scopeQuery(scope),
      level: measure.level,
      threshold: measure.level === 'segment' ? measure.threshold : undefined,
    },
  });
}

export function getAgreementQueryOptions(
  projectId: string,
  scope: AgreementScope,
  measure: AgreementMeasure,
) {
  return queryOptions({
    queryKey: [...agreementKey(projectId), 'statistics', scope, measure],
    queryFn: () => getAgreement(projectId, scope, measure),
    staleTime: AGREEMENT_STALE_TIME,
    placeholderData: keepPreviousData,
  });
}

export function useAgreement(projectId: string, scope: AgreementScope, measure: AgreementMeasure) {
  return useQuery({
    ...getAgreementQueryOptions(projectId, scope, measure),
    enabled: scope.coders.length >= 2,
  });
}
