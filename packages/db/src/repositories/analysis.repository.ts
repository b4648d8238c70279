import { sql } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from '../connection';
import { rebuildCounts, refreshClosure } from './analysis-counts';
import {
  codeIdOf,
  codeRow,
  codeRows,
  coderCondition,
  coderRowCondition,
  idCondition,
  studyCondition,
  studyRowMatch,
  studyWhere,
  totalsCover,
  totalsCoder,
  type AnalysisScope,
} from './analysis-scope';

/** Compiles drizzle `sql` for reads that take raw rows straight from better-sqlite3. */
const dialect = new SQLiteSyncDialect();

export interface CodeCounts {
  codeId: string;
  highlights: number;
  documents: number;
  studies: number;
}
export interface MatrixStudy {
  id: string;
  title: string;
  year: number | null;
  authors: string;
  groupValue: string | null;
}
export interface MatrixCell {
  studyId: string;
  highlights: number;
}
export type CooccurrenceMode = 'highlight' | 'overlap' | 'document';

/**
 * Frequencies, matrix, cross-tab and co-occurrence, all aggregated in SQL over analysis_counts
 * (rolled-up counts) or, for the unfiltered frequencies, analysis_totals. See docs/decisions/007.
 */
export function createAnalysisRepository(db: Db) {
  return {
    /** After a codebook change: new closure, and fresh counts for the codes whose subtree moved. */
    refreshCodebook(projectId: string, affectedCodeIds: readonly string[]): void {
      refreshClosure(db, projectId);
      rebuildCounts(db, projectId, affectedCodeIds);
    },
    /** The ids among `studyIds` that are not studies of the project. */
    foreignStudies(projectId: string, studyIds: readonly string[]): string[] {
      return db
        .all<{ id: string }>(
          sql`SELECT value AS id FROM json_each(${JSON.stringify(studyIds)})
          WHERE value NOT IN (SELECT id FROM studies WHERE project_id = ${projectId})`,
        )
        .map((r) => r.id);
    },
    countStudies(scope: AnalysisScope): number {
      return db.get<{ n: number }>(
        sql`SELECT count(*) AS n FROM studies s WHERE ${studyWhere(scope)}`,
      )!.n;
    },
    /**
     * Rolled-up counts per code, each highlight, document and study counted once per code, when
     * they are kept whole: all coders or one, no study filter. Null when the scope is filtered
     * further; then count code by code (codeFrequencies).
     */
    frequencyTotals(scope: AnalysisScope): CodeCounts[] | null {
      if (!totalsCover(scope)) return null;
      return db.all<CodeCounts>(sql`SELECT c.id AS codeId, t.highlights, t.documents, t.studies
        FROM codes c JOIN analysis_totals t ON t.code = c.rowid
          AND t.coder = ${totalsCoder(scope.coderIds)}
        WHERE c.project_id = ${scope.projectId}`);
    },
    /**
     * Every code's rolled-up counts in the studies that pass a study filter, in one query: for
     * each of the project's codes, a search of the key per study in scope. The read worker
     * answers these views from its copy of the counts (decision 020); this is what SQL alone does.
     */
    studyFilteredFrequencies(scope: AnalysisScope): CodeCounts[] {
      return db.all<CodeCounts>(sql`SELECT ${codeIdOf(sql`a.code`)} AS codeId,
          sum(highlights) AS highlights,
          count(DISTINCT document) AS documents, count(DISTINCT study) AS studies
        FROM analysis_counts a
        WHERE a.code IN ${codeRows(scope.projectId, null)}
          AND ${studyCondition(scope, sql`a.study`, 'rowid')}
          AND ${coderRowCondition(scope, sql`a.coder`)}
        GROUP BY a.code`);
    },
    /** One code's rolled-up counts in any scope: a range of the (code, study) key, a few ms. */
    codeFrequencies(scope: AnalysisScope, codeId: string): CodeCounts {
      return db.get<CodeCounts>(sql`SELECT ${codeId} AS codeId,
          coalesce(sum(highlights), 0) AS highlights,
          count(DISTINCT document) AS documents, count(DISTINCT study) AS studies
        FROM analysis_counts a
        WHERE a.code = ${codeRow(codeId)} AND ${coderRowCondition(scope, sql`a.coder`)}
          AND ${studyRowMatch(scope, sql`a.study`)}`)!;
    },
    /**
     * One page of studies in citation order (grouped by an attribute's value first, if asked).
     * The order is studies_citation_order_idx's (migration 0012): ungrouped, SQLite walks that
     * index and stops after the page.
     */
    matrixStudies(
      scope: AnalysisScope,
      page: { groupBy: string | null; limit: number; offset: number },
    ): MatrixStudy[] {
      const group = page.groupBy
        ? sql`(SELECT value FROM study_attributes a WHERE a.study_id = s.id AND a.name = ${page.groupBy})`
        : sql`NULL`;
      return db.all<MatrixStudy>(sql`SELECT s.id, s.title, s.year, s.authors, ${group} AS groupValue
        FROM studies s WHERE ${studyWhere(scope)}
        ORDER BY ${page.groupBy ? sql`groupValue IS NULL, kodbok_sortkey(groupValue), groupValue,` : sql``}
          s.author_key, s.year, s.title_key, s.id
        LIMIT ${page.limit} OFFSET ${page.offset}`);
    },
    /**
     * Rolled-up highlights per study for every code with any on the given studies (zero cells
     * are absent), grouped by code. Rows come as arrays, not objects: a 200-study page has some
     * 25,000 cells, and the API's memory budget (300 MB) is felt at that size.
     */
    matrixCells(scope: AnalysisScope, studyIds: readonly string[]): Map<string, MatrixCell[]> {
      const rows = db.values<[string, string, number]>(matrixCellRows(scope, studyIds));
      const byCode = new Map<string, MatrixCell[]>();
      for (const [codeId, studyId, highlights] of rows) {
        const cells = byCode.get(codeId);
        if (cells) cells.push({ studyId, highlights });
        else byCode.set(codeId, [{ studyId, highlights }]);
      }
      return byCode;
    },
    /**
     * The same cells as JSON, one array per code, written by SQLite as UTF-8 bytes: the matrix
     * view sends them as they are. Made into objects and serialised again, a 100-study page's
     * 12,500 cells were more than half the API's time for it, mostly the read worker's garbage
     * collector (issue 13); SQLite also hands over 300 rows instead of 12,500. As bytes (a blob)
     * the text is never decoded into a JavaScript string and encoded again (decision 018).
     */
    matrixCellsJson(scope: AnalysisScope, studyIds: readonly string[]): Map<string, Buffer> {
      return new Map(
        db.values<[string, Buffer]>(sql`
          SELECT code_id, CAST(json_group_array(json_object('studyId', study_id, 'highlights', highlights)
            ORDER BY study_id) AS BLOB)
          FROM (${matrixCellRows(scope, studyIds)}) GROUP BY code_id`),
      );
    },
    /** Studies per value of `attribute` (null: studies without that attribute). */
    crosstabGroups(scope: AnalysisScope, attribute: string) {
      return db.all<{ value: string | null; studies: number }>(sql`
        SELECT a.value AS value, count(*) AS studies FROM studies s
        LEFT JOIN study_attributes a ON a.study_id = s.id AND a.name = ${attribute}
        WHERE ${studyWhere(scope)} GROUP BY a.value ORDER BY a.value IS NULL, kodbok_sortkey(a.value), a.value`);
    },
    /** Studies with one code per value of `attribute`: its distinct studies, from the (code, study) key. */
    crosstabCells(scope: AnalysisScope, attribute: string, codeId: string) {
      return db.all<{ value: string | null; studies: number }>(sql`
        SELECT a.value AS value, count(*) AS studies
        FROM (SELECT DISTINCT study FROM analysis_counts c
              WHERE code = ${codeRow(codeId)} AND ${coderRowCondition(scope, sql`coder`)}
                AND ${studyRowMatch(scope, sql`c.study`)}) x
        JOIN studies s ON s.rowid = x.study
        LEFT JOIN study_attributes a ON a.study_id = s.id AND a.name = ${attribute}
        GROUP BY a.value`);
    },
    /** Coded highlights summed over `codeIds` (all codes when null): the size of a co-occurrence. */
    codedVolume(projectId: string, codeIds: readonly string[] | null): number {
      return (
        db.get<{ n: number | null }>(sql`SELECT sum(highlights) AS n FROM analysis_totals
          WHERE code IN ${codeRows(projectId, codeIds)} AND coder = ${totalsCoder(null)}`)?.n ?? 0
      );
    },
    /**
     * Pairs (a ≤ b) of rolled-up codes and how many units (highlights or documents) they share;
     * by overlap, see `placedCodings`.
     */
    cooccurrence(
      scope: AnalysisScope,
      mode: Exclude<CooccurrenceMode, 'overlap'>,
      codeIds: readonly string[] | null,
    ) {
      return db.all<{ a: string; b: string; count: number }>(
        mode === 'document' ? byDocument(scope, codeIds) : byHighlightFromCounts(scope, codeIds),
      );
    },
    /**
     * The highlights in scope carrying one of the codes (or, null, any), each with where it lies
     * and its rolled-up codes among them, in document order and by start within a document: what
     * core's overlapPairs sweeps. Read as they are consumed, not held.
     */
    placedCodings(
      scope: AnalysisScope,
      codeIds: readonly string[] | null,
    ): Iterable<PlacedCodingRow> {
      const query = dialect.sqlToQuery(sql`SELECT h.rowid, d.rowid, h.start, h."end",
          cc.ancestor_id
        FROM code_closure cc JOIN highlight_codes hc ON hc.code_id = cc.descendant_id
        JOIN highlights h ON h.id = hc.highlight_id JOIN documents d ON d.id = h.document_id
        WHERE cc.project_id = ${scope.projectId} AND ${coderCondition(scope, sql`h.coder_id`)}
          AND ${studyCondition(scope, sql`d.study_id`)} AND ${idCondition(codeIds, sql`cc.ancestor_id`)}
        ORDER BY d.rowid, h.start, h.rowid`);
      const rows = db.$client
        .prepare<unknown[], [number, number, number, number, string]>(query.sql)
        .raw()
        .iterate(...query.params);
      return groupCodings(rows);
    },
  };
}

// Codes of the project first: the (code, study) indexes then serve the scan, not the project index.
const projectCodes = (projectId: string) =>
  sql`(SELECT id FROM codes WHERE project_id = ${projectId})`;

function byDocument(scope: AnalysisScope, codeIds: readonly string[] | null) {
  return sql`WITH dc AS MATERIALIZED (SELECT DISTINCT
        ${codeIdOf(sql`code`)} AS code_id, document FROM analysis_counts
      WHERE code IN ${codeRows(scope.projectId, codeIds)}
        AND ${coderRowCondition(scope, sql`coder`)} AND ${studyCondition(scope, sql`study`, 'rowid')})
    SELECT x.code_id AS a, y.code_id AS b, count(*) AS count
    FROM dc x JOIN dc y ON y.document = x.document AND x.code_id <= y.code_id
    GROUP BY x.code_id, y.code_id`;
}

/** A highlight with where it lies and its rolled-up codes (core's PlacedCoding). */
export interface PlacedCodingRow {
  /** The document's rowid. */
  document: number;
  start: number;
  end: number;
  codes: string[];
}

/** Rows of (highlight, document, start, end, code), a highlight's together, as one per highlight. */
function* groupCodings(
  rows: Iterable<[number, number, number, number, string]>,
): Generator<PlacedCodingRow> {
  let current: PlacedCodingRow | null = null;
  let last = -1;
  for (const [id, document, start, end, code] of rows) {
    if (id !== last) {
      if (current) yield current;
      current = { document, start, end, codes: [code] };
    } else if (!current!.codes.includes(code)) current!.codes.push(code);
    last = id;
  }
  if (current) yield current;
}

/**
 * Pairs within one highlight, mostly from the rolled-up counts. A code paired with itself, or
 * with a code above or below it, shares every highlight of the lower one: its count in scope.
 * Two codes neither of which is above the other share only highlights carrying two codes of
 * the shown codes' subtrees, a few percent of them: only those are read one by one. Reading
 * every highlight of a theme and its codes took 0.9–1.2 s at a million.
 */
function byHighlightFromCounts(scope: AnalysisScope, codeIds: readonly string[] | null) {
  const shown = codeIds
    ? sql`(SELECT value FROM json_each(${JSON.stringify(codeIds)}))`
    : projectCodes(scope.projectId);
  return sql`WITH inScope AS (SELECT ${codeIdOf(sql`a.code`)} AS code,
          sum(highlights) AS n FROM analysis_counts a
        WHERE a.code IN ${codeRows(scope.projectId, codeIds)}
          AND ${coderRowCondition(scope, sql`a.coder`)} AND ${studyCondition(scope, sql`a.study`, 'rowid')}
        GROUP BY a.code),
      below AS (SELECT DISTINCT descendant_id AS code FROM code_closure WHERE ancestor_id IN ${shown}),
      multi AS MATERIALIZED (SELECT highlight_id AS id FROM highlight_codes
        WHERE code_id IN (SELECT code FROM below) GROUP BY highlight_id HAVING count(*) >= 2),
      coded AS MATERIALIZED (SELECT DISTINCT m.id, cc.ancestor_id AS code FROM multi m
        CROSS JOIN highlights h ON h.id = m.id CROSS JOIN documents d ON d.id = h.document_id
        CROSS JOIN highlight_codes hc ON hc.highlight_id = m.id
        CROSS JOIN code_closure cc ON cc.descendant_id = hc.code_id
        WHERE ${coderCondition(scope, sql`h.coder_id`)} AND ${studyCondition(scope, sql`d.study_id`)}
          AND cc.ancestor_id IN ${shown})
    SELECT min(cc.ancestor_id, cc.descendant_id) AS a, max(cc.ancestor_id, cc.descendant_id) AS b,
      s.n AS count
    FROM code_closure cc JOIN inScope s ON s.code = cc.descendant_id
    WHERE cc.project_id = ${scope.projectId} AND cc.ancestor_id IN ${shown}
    UNION ALL
    SELECT x.code AS a, y.code AS b, count(*) AS count
    FROM coded x JOIN coded y ON y.id = x.id AND x.code < y.code
    WHERE NOT EXISTS (SELECT 1 FROM code_closure r
      WHERE (r.ancestor_id = x.code AND r.descendant_id = y.code)
         OR (r.ancestor_id = y.code AND r.descendant_id = x.code))
    GROUP BY x.code, y.code`;
}

export type AnalysisRepository = ReturnType<typeof createAnalysisRepository>;

/**
 * (code_id, study_id, highlights) for each code with any on the given studies: the matrix's
 * cells, one search of the key (code, study) for each of the project's codes and each study.
 */
function matrixCellRows(scope: AnalysisScope, studyIds: readonly string[]) {
  return sql`SELECT ${codeIdOf(sql`a.code`)} AS code_id,
      (SELECT id FROM studies WHERE rowid = a.study) AS study_id, sum(highlights) AS highlights
    FROM analysis_counts a
    WHERE a.code IN ${codeRows(scope.projectId, null)}
      AND a.study IN (SELECT rowid FROM studies
        WHERE id IN (SELECT value FROM json_each(${JSON.stringify(studyIds)})))
      AND ${coderRowCondition(scope, sql`a.coder`)}
    GROUP BY a.code, a.study`;
}
