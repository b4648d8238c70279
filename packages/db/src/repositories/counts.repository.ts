import { sql } from 'drizzle-orm';
import type { Db } from '../connection';
import { codeRows, studyWhere, totalsCoder, type AnalysisScope } from './analysis-scope';
import { lastChange, logSpan, oldestChange, pruneLog } from './change-log';

/**
 * A change to one rolled-up count, from counts_log: `highlights` is its new value (0: gone). The
 * code, study, document and coder are rowids, as in analysis_counts (migration 0025).
 */
export type CountChange = [
  seq: number,
  code: number,
  study: number,
  document: number,
  coder: number,
  highlights: number,
];

/** A row's rowid beside its id: the counts name rowids, the views answer with ids. */
export interface Numbered {
  id: string;
  row: number;
}

/** A document by id and rowid, with its study's id. */
export interface NumberedDocument extends Numbered {
  studyId: string;
}

/** Documents as NumberedDocument, with their studies (for a WHERE and an ORDER BY). */
const NUMBERED_DOCUMENTS = `SELECT d.id, d.rowid AS row, s.id AS studyId
  FROM documents d JOIN studies s ON s.id = d.study_id`;

/** Rows of a code's counts read at once (rowsOfCode). */
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
      .prepare<[number, number, number, number, number], [number, number, number, number]>(
        // The primary key's order within the code (study, document, coder): no sort, and the
        // order of the worker's document numbering, so documents arrive ascending. A batch at a
        // time, from after the last row of the one before.
        `SELECT document, coder, highlights, study FROM analysis_counts
       WHERE code = ? AND (study, document, coder) > (?, ?, ?)
       ORDER BY study, document, coder LIMIT ?`,
      )
      .raw(),
  );
  const changes = lazy(() =>
    client
      .prepare<[number, string], CountChange>(
        `SELECT seq, code, study, document, coder, highlights FROM counts_log
       WHERE seq > ? AND project_id = ? ORDER BY seq`,
      )
      .raw(),
  );
  const documentsOfRows = lazy(() =>
    client.prepare<[string], NumberedDocument>(
      `${NUMBERED_DOCUMENTS} WHERE d.rowid IN (SELECT value FROM json_each(?))`,
    ),
  );
  /** Rows of a small table (codes, users) by rowid, with their ids. */
  const byRows = (table: 'codes' | 'users', rows: readonly number[]): Numbered[] =>
    db.all(sql`SELECT id, rowid AS row FROM ${sql.identifier(table)}
      WHERE rowid IN (SELECT value FROM json_each(${JSON.stringify(rows)}))`);
  return {
    /** The last change's number ever given (0: none), whether or not its row was pruned. */
    lastChange: () => lastChange(db, 'counts_log'),
    /** The oldest change still logged (null: the log is empty). */
    oldestChange: () => oldestChange(db, 'counts_log'),
    /** The project's codes, in id order. */
    codes(projectId: string): Numbered[] {
      return db.all(
        sql`SELECT id, rowid AS row FROM codes WHERE project_id = ${projectId} ORDER BY id`,
      );
    },
    /** Codes by rowid (the counts name rowids). */
    codesOfRows: (rows: readonly number[]) => byRows('codes', rows),
    /**
     * The project's documents and their studies, in the order of analysis_counts' key within a
     * code: by the study's rowid, then the document's.
     */
    documents(projectId: string): NumberedDocument[] {
      return db.all(sql`${sql.raw(NUMBERED_DOCUMENTS)}
        WHERE d.project_id = ${projectId} ORDER BY s.rowid, d.rowid`);
    },
    /** Documents by rowid, with their studies. */
    documentsOfRows(rows: readonly number[]): NumberedDocument[] {
      return documentsOfRows().all(JSON.stringify(rows));
    },
    /**
     * Everyone with highlights in the project, the consensus coding included, in rowid order
     * (analysis_counts' key within a document).
     */
    coders(projectId: string): Numbered[] {
      return db.all(sql`SELECT u.id, u.rowid AS row FROM highlight_counts c
        JOIN users u ON u.id = c.coder_id WHERE c.project_id = ${projectId} ORDER BY u.rowid`);
    },
    /** Users by rowid. */
    usersOfRows: (rows: readonly number[]) => byRows('users', rows),
    /**
     * How many rolled-up counts the project has, from the maintained totals (each coder's
     * `documents` per code is its number of rows): the copy's arrays are made that size at once.
     */
    rowCount(projectId: string): number {
      return db.get<{ n: number }>(sql`SELECT coalesce(sum(documents), 0) AS n FROM analysis_totals
        WHERE code IN ${codeRows(projectId, null)} AND coder <> ${totalsCoder(null)}`)!.n;
    },
    /**
     * A code's rolled-up counts in key order: [document, coder, n, study], rowids. Read in
     * batches with all(): at 1.9 million rows, stepping one row at a time through iterate() took
     * seconds, and a theme's 32,000 rows at once outlived the read worker's small young generation.
     */
    *rowsOfCode(code: number, batch = COUNTS_BATCH): Generator<[number, number, number, number]> {
      let after: [number, number, number] = [0, 0, 0];
      for (;;) {
        const rows = rowsOfCode().all(code, ...after, batch);
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
