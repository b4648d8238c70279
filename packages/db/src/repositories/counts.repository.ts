import { sql } from 'drizzle-orm';
import type { Db } from '../connection';
import { studyWhere, type AnalysisScope } from './analysis-scope';

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
    lastChange(): number {
      return (
        db.get<{ seq: number }>(sql`SELECT seq FROM sqlite_sequence WHERE name = 'counts_log'`)
          ?.seq ?? 0
      );
    },
    /** The oldest change still logged (null: the log is empty). */
    oldestChange(): number | null {
      return (
        db.get<{ seq: number | null }>(sql`SELECT min(seq) AS seq FROM counts_log`)?.seq ?? null
      );
    },
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

/**
 * Deletes logged changes up to `through` (null: all), and in any case all but the newest
 * `maxBacklog`, at most `chunk` rows at a time (a short write on the API thread). Reads first, so
 * a log with nothing to prune costs no write lock. A copy older than what is left is read again.
 */
/**
 * The oldest and newest change logged. Two subqueries: SQLite reads a lone min() or max() off the
 * key's ends, but `SELECT min(seq), max(seq)` scans the whole log (0.35–0.45 s at two million
 * rows, on the API thread every 2 s, after a large import).
 */
export const COUNTS_LOG_SPAN = sql`SELECT (SELECT min(seq) FROM counts_log) AS oldest,
  (SELECT max(seq) FROM counts_log) AS newest`;

export function pruneCountsLog(
  db: Db,
  limits: { through: number | null; maxBacklog: number; chunk: number },
): number {
  const span = db.get<{ oldest: number | null; newest: number | null }>(COUNTS_LOG_SPAN);
  if (!span?.oldest || !span.newest) return 0;
  const wanted = Math.max(limits.through ?? span.newest, span.newest - limits.maxBacklog);
  const upTo = Math.min(wanted, span.oldest + limits.chunk - 1);
  if (upTo < span.oldest) return 0;
  return db.run(sql`DELETE FROM counts_log WHERE seq <= ${upTo}`).changes;
}

function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
