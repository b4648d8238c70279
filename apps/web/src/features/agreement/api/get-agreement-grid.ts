import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { agreementEndpoints, type AgreementGrid } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import {
  AGREEMENT_STALE_TIME,
  agreementKey,
  scopeQuery,
  type AgreementScope,
} from './agreement-params';

export type GridFilter = 'disagreements' | 'unreconciled';

export interface GridPage {
  /** Only studies whose coders differ, or not yet reconciled; null: every study. */
  only: GridFilter | null;
  offset: number;
  /** Studies per page, at most 500. */
  limit: number;
}

/** Studies per page of the grid on screen; the rows of a page are virtualised too. */
export const GRID_PAGE = 200;

/** One page of the grid of studies × codes: who applied what. */
export function getAgreementGrid(
  projectId: string,
  scope: AgreementScope,
  page: GridPage,
): Promise<AgreementGrid> {
  return call(agreementEndpoints.getAgreementGrid, {
    params: { projectId },
    query: {
      ...scopeQuery(scope),
      limit: page.limit,
      offset: page.offset,
      only: page.only ?? undefined,
    },
  });
}

export function getAgreementGridQueryOptions(
  projectId: string,
  scope: AgreementScope,
  page: GridPage,
) {
  return queryOptions({
    queryKey: [...agreementKey(projectId), 'grid', scope, page],
    queryFn: () => getAgreementGrid(projectId, scope, page),
    staleTime: AGREEMENT_STALE_TIME,
    placeholderData: keepPreviousData,
  });
}

export function useAgreementGrid(projectId: string, scope: AgreementScope, page: GridPage) {
  return useQuery({
    ...getAgreementGridQueryOptions(projectId, scope, page),
    enabled: scope.coders.length >= 2,
  });
}

/**
 * The grid's row of one study, for the review: its citation, documents, what is left and
 * whether it is reconciled. Asked for alone, so it costs one study's comparison.
 */
export function useStudyRow(projectId: string, scope: AgreementScope, studyId: string | undefined) {
  const query = useQuery({
    ...getAgreementGridQueryOptions(
      projectId,
      { ...scope, studies: studyId ? [studyId] : [] },
      { only: null, offset: 0, limit: 1 },
    ),
    enabled: scope.coders.length >= 2 && Boolean(studyId),
    placeholderData: undefined,
  });
  return query.data?.studies[0] ?? null;
}
