import { totalsCover, type Repositories } from '@kodbok/db';
import type {
  AnalysisFilterQuery,
  Cooccurrence,
  CooccurrenceQuery,
  Crosstab,
  CrosstabQuery,
  Frequencies,
  Matrix,
  MatrixQuery,
} from '@kodbok/contracts';
import { BadRequestError } from '../errors';
import { authorize } from './access';
import { rowsFor, scopeOf } from './analysis-filter';
import { frequenciesOf, type Prepared } from './analysis-views';
import type { JsonBytes, ReadRunner } from './read-runner';
import type { CurrentUser } from './types';

/**
 * Frequencies, the theme × study matrix, cross-tabs and co-occurrence. Every member may read
 * them (viewers too); the counting happens in SQL over maintained tables (docs/decisions/007).
 * The caller is authorised and the filters checked here, on the API thread; every view that
 * reads more than a few hundred rows runs in the read worker (analysis-views.ts), so that
 * nobody else's request waits for it (issue 13).
 */
export function createAnalysisService(repos: Repositories, runRead: ReadRunner) {
  /** Authorises, then resolves filters and the codebook rows (in tree order) the view shows. */
  function prepare(user: CurrentUser, projectId: string, query: AnalysisFilterQuery): Prepared {
    authorize(repos, user, projectId, 'read');
    const all = repos.codes.tree(projectId);
    const { scope, codeIds } = scopeOf(repos, user, projectId, query, all);
    return { scope, codeIds, rows: rowsFor(all, codeIds) };
  }
  return {
    async frequencies(
      user: CurrentUser,
      projectId: string,
      query: AnalysisFilterQuery,
    ): Promise<Frequencies | JsonBytes<Frequencies>> {
      const prepared = prepare(user, projectId, query);
      // All coders or one, no study filter: a read of the maintained totals, here and now.
      if (totalsCover(prepared.scope)) return frequenciesOf(repos, prepared);
      return runRead<Frequencies>({ kind: 'frequencies', prepared });
    },
    matrix(user: CurrentUser, projectId: string, query: MatrixQuery): Promise<JsonBytes<Matrix>> {
      const prepared = prepare(user, projectId, query);
      const page = { groupBy: query.groupBy, limit: query.limit, offset: query.offset };
      return runRead<Matrix>({ kind: 'matrix', prepared, page });
    },
    crosstab(
      user: CurrentUser,
      projectId: string,
      query: CrosstabQuery,
    ): Promise<JsonBytes<Crosstab>> {
      const prepared = prepare(user, projectId, query);
      return runRead<Crosstab>({ kind: 'crosstab', prepared, attribute: query.attribute });
    },
    cooccurrence(
      user: CurrentUser,
      projectId: string,
      query: CooccurrenceQuery,
    ): Promise<JsonBytes<Cooccurrence>> {
      const prepared = prepare(user, projectId, query);
      const shown = prepared.codeIds ? prepared.rows.map((r) => r.id) : null;
      const mode = query.mode ?? 'highlight';
      // Pairs by overlap grow with the square of the highlights on a passage: past this size
      // the sweep would keep the worker (and the views queued behind it) for half a second.
      // Within highlights and by document the read worker's copies answer a whole project of a
      // million highlights in 60–120 ms (decisions 020, 025).
      const volume = mode === 'overlap' ? repos.analysis.codedVolume(projectId, shown) : 0;
      if (volume > MAX_OVERLAP_VOLUME) {
        throw new BadRequestError(
          `Co-occurrence by overlap over ${volume.toLocaleString('en')} codings would take too long: choose codes or themes (codes=…) covering at most ${MAX_OVERLAP_VOLUME.toLocaleString('en')}, or count within highlights or documents`,
        );
      }
      return runRead<Cooccurrence>({ kind: 'cooccurrence', prepared, mode });
    },
  };
}

/**
 * Codings (highlights per code, rolled up) a co-occurrence by overlap may cover: about 0.2 s
 * (a whole project's 2.3 million took 0.5 s in the read worker, decision 025).
 */
export const MAX_OVERLAP_VOLUME = 1_000_000;
