import { sql, type SQL } from 'drizzle-orm';
import { EVERY_CODER } from '../schema';

/** Which coding an analysis looks at: whose highlights, in which studies. */
export interface AnalysisScope {
  projectId: string;
  /** null: every coder (not the consensus). */
  coderIds: readonly string[] | null;
  /** Studies whose attribute `name` has one of `values`; several names must all match. */
  studyAttributes: ReadonlyArray<{ name: string; values: readonly string[] }>;
  /** null: every study (that passes the attribute filter). */
  studyIds: readonly string[] | null;
}

export const json = (xs: readonly string[]) => JSON.stringify(xs);

export function hasStudyFilter(scope: AnalysisScope): boolean {
  return scope.studyAttributes.length > 0 || scope.studyIds !== null;
}

/**
 * Whether analysis_totals holds the scope's counts (every coder or one, no study filter): then
 * frequencies are a read of a few hundred rows, otherwise a count over the project's rows.
 */
export function totalsCover(scope: AnalysisScope): boolean {
  return (scope.coderIds === null || scope.coderIds.length === 1) && !hasStudyFilter(scope);
}

/** `studies s` rows of the project that pass the study filters (a WHERE clause on alias s). */
export function studyWhere(scope: AnalysisScope): SQL {
  const parts: SQL[] = [sql`s.project_id = ${scope.projectId}`];
  for (const a of scope.studyAttributes) {
    parts.push(sql`EXISTS (SELECT 1 FROM study_attributes sa WHERE sa.study_id = s.id
      AND sa.name = ${a.name} AND sa.value IN (SELECT value FROM json_each(${json(a.values)})))`);
  }
  if (scope.studyIds)
    parts.push(sql`s.id IN (SELECT value FROM json_each(${json(scope.studyIds)}))`);
  return sql.join(parts, sql` AND `);
}

/**
 * A condition on a column of study ids (or, `by` 'rowid', of their rowids: analysis_counts,
 * migration 0025): true for every study when no study filter is set.
 */
export function studyCondition(scope: AnalysisScope, column: SQL, by: 'id' | 'rowid' = 'id'): SQL {
  if (!hasStudyFilter(scope)) return sql`1`;
  return sql`${column} IN (SELECT s.${sql.raw(by)} FROM studies s WHERE ${studyWhere(scope)})`;
}

/**
 * The same test as studyCondition, row by row: each row's study is looked up by its key. Used
 * by per-code queries, where the IN form would rebuild the filtered study list for every code.
 */
export function studyMatch(scope: AnalysisScope, column: SQL): SQL {
  if (!hasStudyFilter(scope)) return sql`1`;
  const parts: SQL[] = scope.studyAttributes.map(
    (a) => sql`EXISTS (SELECT 1 FROM study_attributes sa WHERE sa.study_id = ${column}
      AND sa.name = ${a.name} AND sa.value IN (SELECT value FROM json_each(${json(a.values)})))`,
  );
  if (scope.studyIds)
    parts.push(sql`${column} IN (SELECT value FROM json_each(${json(scope.studyIds)}))`);
  return sql.join(parts, sql` AND `);
}

/** The consensus coding's coder (migration 0005): a version of the coders' work, not more of it. */
export const CONSENSUS = 'consensus';

/** Whose highlights count: the listed coders, or (null) every coder but the consensus. */
export function coderCondition(scope: AnalysisScope, column: SQL): SQL {
  if (scope.coderIds === null) return sql`${column} <> ${CONSENSUS}`;
  return sql`${column} IN (SELECT value FROM json_each(${json(scope.coderIds)}))`;
}

export function idCondition(ids: readonly string[] | null, column: SQL): SQL {
  if (ids === null) return sql`1`;
  return sql`${column} IN (SELECT value FROM json_each(${json(ids)}))`;
}

/*
 * The same conditions on analysis_counts, whose rows name rowids (migration 0025): a coder's,
 * a study's, a code's.
 */

/** Whose counts: the listed coders' rowids, or (null) every coder's but the consensus's. */
export function coderRowCondition(scope: AnalysisScope, column: SQL): SQL {
  if (scope.coderIds === null)
    return sql`${column} <> (SELECT rowid FROM users WHERE id = ${CONSENSUS})`;
  return sql`${column} IN (SELECT rowid FROM users
    WHERE id IN (SELECT value FROM json_each(${json(scope.coderIds)})))`;
}

/** studyMatch on a study's rowid: each row's study looked up by its rowid. */
export function studyRowMatch(scope: AnalysisScope, column: SQL): SQL {
  if (!hasStudyFilter(scope)) return sql`1`;
  return sql`EXISTS (SELECT 1 FROM studies s WHERE s.rowid = ${column} AND ${studyWhere(scope)})`;
}

/** The rowids of the given codes (null: of all the project's codes). */
export function codeRows(projectId: string, codeIds: readonly string[] | null): SQL {
  if (codeIds === null) return sql`(SELECT rowid FROM codes WHERE project_id = ${projectId})`;
  return sql`(SELECT rowid FROM codes WHERE id IN (SELECT value FROM json_each(${json(codeIds)})))`;
}

/** One code's rowid. */
export const codeRow = (codeId: string): SQL => sql`(SELECT rowid FROM codes WHERE id = ${codeId})`;

/** The id of the code a count's rowid column names (the views answer with ids). */
export const codeIdOf = (column: SQL): SQL => sql`(SELECT id FROM codes WHERE rowid = ${column})`;

/**
 * analysis_totals' coder for the coders a totalsCover scope names: every coder but the
 * consensus (null: EVERY_CODER), or the one coder's rowid.
 */
export const totalsCoder = (coderIds: readonly string[] | null): SQL =>
  coderIds === null
    ? sql`${EVERY_CODER}`
    : sql`(SELECT rowid FROM users WHERE id = ${coderIds[0]})`;
