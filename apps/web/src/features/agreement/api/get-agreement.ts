import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Agreement, AgreementLevel } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import {
  AGREEMENT_STALE_TIME,
  agreementKey,
  projectPath,
  scopeQuery,
  type AgreementScope,
} from './agreement-params';

export interface AgreementMeasure {
  level: AgreementLevel;
  /** Segment level only. */
  threshold: number;
}

/** GET /api/projects/:projectId/agreement: statistics overall and per code. */
export function getAgreement(
  projectId: string,
  scope: AgreementScope,
  measure: AgreementMeasure,
): Promise<Agreement> {
  const extra: Record<string, string | number> = { level: measure.level };
  if (measure.level === 'segment') extra.threshold = measure.threshold;
  return api<Agreement>('GET', projectPath(projectId, 'agreement') + scopeQuery(scope, extra));
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
