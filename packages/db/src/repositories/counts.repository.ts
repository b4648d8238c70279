import { sql } from 'drizzle-orm';
import type { Db } from '../connection';
import { studyWhere, type AnalysisScope } from './analysis-scope';
import { lastChange, logSpan, oldestChange, pruneLog } from './change-log';

/** A change to one rolled-up count, from counts_log: `highlights` is its new value (0: gone). */
export type CountChange = [
  seq: number,
  codeId: string,
  studyId: string,
  documentId: string,
  coderId: string,
  highlights: number,
];

/** Rows of a code's counts read at once (rowsOfCode): about 1 MB of strings. */
const COUNTS_BATCH = 4096;

/**
 * The reads behind the read worker's in-memory counts (apps/api counts-cache.ts): a project's
 * rolled-up counts in key order, the changes logged since, and the studies a scope keeps. The
 * write side is pruneCountsLog, run by the API thread.
 */
export function createCountsRepository(db: Db) {
  const client = db.$client;
  // Prepared on first use: repositories are also made over databases not yet migrated (backups).
  const rowsOfCode = lazy(() =>
    client
      .prepare<[string, string, string, string, number], [string, string, number, string]>(
        // The primary key's order within the code (study, document, coder): no sort, and the
        // order of the worker's document numbering, so documents arrive ascending. A batch at a
        // time, from after the last row of the one before.
        `SELECT document_id, coder_id, highlights, study_id FROM analysis_counts
       WHERE code_id = ? AND (study_id, document_id, coder_id) > (?, ?, ?)
       ORDER BY study_id, document_id, coder_id LIMIT ?`,
      )
      .raw(),
  );
  const changes = lazy(() =>
    client
      .prepare<[number, string], CountChange>(
        `SELECT seq, code_id, study_id, document_id, coder_id, highlights FROM counts_log
       WHERE seq > ? AND project_id = ? ORDER BY seq`,
      )
      .raw(),
  );
  return {
    /** The last change's number ever given (0: none), whether or not its row was pruned. */
    lastChange: () => lastChange(db, 'counts_log'),
    /** The oldest change still logged (null: the log is empty). */
    oldestChange: () => oldestChange(db, 'counts_log'),
    /** The project's codes, in id order. */
    codeIds(projectId: string): string[] {
      return db
        .all<{ id: string }>(sql`SELECT id FROM codes WHERE project_id = ${projectId} ORDER BY id`)
        .map((r) => r.id);
    },
    /** The project's documents and their studies, in (study, document) order. */
    documents(projectId: string): Array<{ id: string; studyId: string }> {
      return db.all(sql`SELECT id, study_id AS studyId FROM documents
        WHERE project_id = ${projectId} ORDER BY study_id, id`);
    },
    /** Everyone with highlights in the project, the consensus coding included, in id order. */
    coderIds(projectId: string): string[] {
      return db
        .all<{ id: string }>(
          sql`SELECT coder_id AS id FROM highlight_counts
          WHERE project_id = ${projectId} ORDER BY coder_id`,
        )
        .map((r) => r.id);
    },
    /**
     * How many rolled-up counts the project has, from the maintained totals (each coder's
     * `documents` per code is its number of rows): the copy's arrays are made that size at once.
     */
    rowCount(projectId: string): number {
      return db.get<{ n: number }>(sql`SELECT coalesce(sum(documents), 0) AS n FROM analysis_totals
        WHERE project_id = ${projectId} AND coder_id <> '*'`)!.n;
    },
    /**
     * A code's rolled-up counts in key order: [document, coder, n, study]. Read in batches with
     * all(): at 1.9 million rows, stepping one row at a time through iterate() took 3.7 s, whole
     * codes at once 1.9 s; but a theme has 32,000 rows (8 MB of strings), which outlived the read
     * worker's small young generation and were promoted, to be collected by full collections.
     */
    *rowsOfCode(codeId: string, batch = COUNTS_BATCH): Generator<[string, string, number, string]> {
      let after: [string, string, string] = ['', '', ''];
      for (;;) {
        const rows = rowsOfCode().all(codeId, ...after, batch);
        yield* rows;
        if (rows.length < batch) return;
        const [document, coder, , study] = rows[rows.length - 1]!;
        after = [study, document, coder];
      }
    },
    changesSince(projectId: string, seq: number): CountChange[] {
      return changes().all(seq, projectId);
    },
    /** The studies a scope's study filters keep. */
    studyIds(scope: AnalysisScope): string[] {
      return db
        .all<{ id: string }>(sql`SELECT s.id FROM studies s WHERE ${studyWhere(scope)}`)
        .map((r) => r.id);
    },
    /** Each kept study's value of `attribute` (null: it has none). */
    studyValues(scope: AnalysisScope, attribute: string) {
      return db.all<{ id: string; value: string | null }>(sql`SELECT s.id, a.value FROM studies s
        LEFT JOIN study_attributes a ON a.study_id = s.id AND a.name = ${attribute}
        WHERE ${studyWhere(scope)}`);
    },
  };
}
export type CountsRepository = ReturnType<typeof createCountsRepository>;

/** The counts' log (pruned by the API thread): see change-log.ts. */
export const COUNTS_LOG_SPAN = logSpan('counts_log');

export function pruneCountsLog(
  db: Db,
  limits: { through: number | null; maxBacklog: number; chunk: number },
): number {
  return pruneLog(db, 'counts_log', limits);
}

export function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
