import type { Repositories } from '@kodbok/db';
import type {
  Agreement,
  AgreementGrid,
  AgreementGridQuery,
  AgreementQuery,
} from '@kodbok/contracts';
import { comparisonOf, studyFilter } from './comparison';
import type { JsonBytes, ReadRunner } from './read-runner';
import type { CurrentUser } from './types';

/**
 * Agreement between coders (docs/decisions/011): statistics at the document, character or
 * segment level, and the studies × codes grid of who applied what. The caller is authorised and
 * the query checked here; the reading and counting run in the read worker (read-job.ts).
 */
export function createAgreementService(repos: Repositories, runRead: ReadRunner) {
  return {
    agreement(
      user: CurrentUser,
      projectId: string,
      query: AgreementQuery,
    ): Promise<JsonBytes<Agreement>> {
      const cmp = comparisonOf(repos, user, projectId, query);
      studyFilter(repos, projectId, query.studies);
      return runRead<Agreement>({ kind: 'agreement', cmp, query });
    },
    grid(
      user: CurrentUser,
      projectId: string,
      query: AgreementGridQuery,
    ): Promise<JsonBytes<AgreementGrid>> {
      const cmp = comparisonOf(repos, user, projectId, query);
      studyFilter(repos, projectId, query.studies);
      return runRead<AgreementGrid>({ kind: 'grid', cmp, query });
    },
  };
}
