import { shareOf } from '@kodbok/core';
import type { Repositories } from '@kodbok/db';
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
import { ref, rowsFor, scopeOf } from './analysis-filter';
import { mapInSlices } from './time-slice';
import type { CurrentUser } from './types';

/**
 * Frequencies, the theme × study matrix, cross-tabs and co-occurrence. Every member may read
 * them (viewers too); the counting happens in SQL over maintained tables (docs/decisions/007).
 */
export function createAnalysisService(repos: Repositories) {
  /** Authorises, then resolves filters and the codebook rows (in tree order) the view shows. */
  function prepare(user: CurrentUser, projectId: string, query: AnalysisFilterQuery) {
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
    ): Promise<Frequencies> {
      const { scope, rows } = prepare(user, projectId, query);
      const totalStudies = repos.analysis.countStudies(scope);
      const counts = new Map(
        (
          repos.analysis.frequencyTotals(scope) ??
          (await mapInSlices(rows, (code) => repos.analysis.codeFrequencies(scope, code.id)))
        ).map((c) => [c.codeId, c]),
      );
      return {
        totalStudies,
        codes: rows.map((code) => {
          const c = counts.get(code.id);
          const studies = c?.studies ?? 0;
          return {
            ...ref(code),
            highlights: c?.highlights ?? 0,
            documents: c?.documents ?? 0,
            studies,
            studyShare: shareOf(studies, totalStudies),
          };
        }),
      };
    },
    matrix(user: CurrentUser, projectId: string, query: MatrixQuery): Matrix {
      const { scope, rows } = prepare(user, projectId, query);
      const totalStudies = repos.analysis.countStudies(scope);
      const groupBy = query.groupBy ?? null;
      const page = repos.analysis.matrixStudies(scope, {
        groupBy,
        limit: query.limit,
        offset: query.offset,
      });
      const byCode = repos.analysis.matrixCells(
        scope,
        page.map((s) => s.id),
      );
      const end = query.offset + page.length;
      return {
        totalStudies,
        offset: query.offset,
        nextOffset: end < totalStudies ? end : null,
        groupBy,
        studies: page.map((s) => ({
          id: s.id,
          title: s.title,
          year: s.year,
          authors: JSON.parse(s.authors) as string[],
          group: s.groupValue,
        })),
        codes: rows.map((code) => ({ ...ref(code), cells: byCode.get(code.id) ?? [] })),
      };
    },
    async crosstab(user: CurrentUser, projectId: string, query: CrosstabQuery): Promise<Crosstab> {
      const { scope, rows } = prepare(user, projectId, query);
      const groups = repos.analysis.crosstabGroups(scope, query.attribute);
      const perCode = await mapInSlices(rows, (code) => {
        const studiesBy = new Map(
          repos.analysis
            .crosstabCells(scope, query.attribute, code.id)
            .map((c) => [c.value, c.studies]),
        );
        return {
          ...ref(code),
          cells: groups.map((g) => {
            const studies = studiesBy.get(g.value) ?? 0;
            return { value: g.value, studies, studyShare: shareOf(studies, g.studies) };
          }),
        };
      });
      return { attribute: query.attribute, groups, codes: perCode };
    },
    cooccurrence(user: CurrentUser, projectId: string, query: CooccurrenceQuery): Cooccurrence {
      const { scope, codeIds, rows } = prepare(user, projectId, query);
      const mode = query.mode ?? 'highlight';
      const shown = codeIds ? rows.map((r) => r.id) : null;
      // Pairs grow with the square of the codes on a passage or document; past this size the
      // query would hold the (synchronous) database for many seconds, so ask for a narrower set.
      const volume = repos.analysis.codedVolume(projectId, shown);
      if (volume > MAX_COOCCURRENCE_VOLUME) {
        throw new BadRequestError(
          `Co-occurrence over ${volume.toLocaleString('en')} codings would take too long: choose codes or themes (codes=…) covering at most ${MAX_COOCCURRENCE_VOLUME.toLocaleString('en')}`,
        );
      }
      const pairs = repos.analysis.cooccurrence(scope, mode, shown);
      return { mode, codes: rows.map(ref), pairs: pairs.filter((p) => p.count > 0) };
    },
  };
}

/** Codings (highlights per code, rolled up) a co-occurrence may cover; about half a second. */
export const MAX_COOCCURRENCE_VOLUME = 250_000;
