import { useQueryClient } from '@tanstack/react-query';
import type { AgreementGrid } from '@kodbok/contracts';
import type { AgreementScope } from '../api/agreement-params';
import { getAgreementGridQueryOptions } from '../api/get-agreement-grid';
import { scanForNextStudy, type ReviewTarget } from '../lib/review-navigation';

/** Studies per page while searching: the most the API gives at once. */
const SEARCH_PAGE = 500;

/**
 * Looks, when asked (never ahead), through the grid's pages in order for the next study after
 * `studyId` with disagreements left; a study outside the grid starts from the top.
 */
export function useFindNextStudy(projectId: string, scope: AgreementScope) {
  const queryClient = useQueryClient();
  return async function findNextStudy(studyId: string): Promise<ReviewTarget | null> {
    for (const fromTop of [false, true]) {
      let seen = fromTop;
      for (let offset: number | null = 0; offset !== null;) {
        const page: AgreementGrid = await queryClient.fetchQuery(
          getAgreementGridQueryOptions(projectId, scope, {
            only: null,
            offset,
            limit: SEARCH_PAGE,
          }),
        );
        const scan = scanForNextStudy(page.studies, studyId, seen);
        if (scan.target) return scan.target;
        seen = scan.seen;
        offset = page.nextOffset;
      }
      // Passed and nothing after it: the end. Never passed: once more, from the top.
      if (seen) return null;
    }
    return null;
  };
}
