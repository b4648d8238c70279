import { sql } from 'drizzle-orm';
import type { Db } from '../connection';
import { CONSENSUS, json, studyWhere, type AnalysisScope } from './analysis-scope';
import { lastChange, oldestChange } from './change-log';
import { lazy } from './counts.repository';

/**
 * A highlight as the read worker's copy loads it: [highlight, document, coder, start, end, code],
 * each a rowid (code null: it has none); a highlight with two codes is two rows, together.
 */
export type HeldRow = [number, number, number, number, number, number | null];

/**
 * A highlight's present state, for a change logged: [highlight, project, document, coder, start,
 * end, codes], its codes' rowids joined by commas (null: none).
 */
export type HighlightState = [number, string, number, number, number, number, string | null];

/**
 * The reads behind the read worker's copy of a project's highlights (apps/api
 * highlight-copies.ts, docs/decisions/025). Everything is by rowid: at a million highlights,
 * reading each row's document, coder and code ids as strings would make three million strings.
 */
export function createHighlightCopyRepository(db: Db) {
  const client = db.$client;
  const rows = lazy(() =>
    client
      .prepare<[string], HeldRow>(
        // The document index holds each highlight's start, id, coder and end: the wide rows
        // (the quotes) are never read.
        `SELECT h.rowid, d.rowid, u.rowid, h.start, h."end", c.rowid
       FROM documents d
       CROSS JOIN highlights h INDEXED BY highlights_document_idx ON h.document_id = d.id
       CROSS JOIN users u ON u.id = h.coder_id
       LEFT JOIN highlight_codes hc ON hc.highlight_id = h.id
       LEFT JOIN codes c ON c.id = hc.code_id
       WHERE d.project_id = ?`,
      )
      .raw(),
  );
  const changed = lazy(() =>
    client
      .prepare<[number, string], number>(
        `SELECT DISTINCT highlight FROM highlights_log WHERE seq > ? AND project_id = ?`,
      )
      .pluck(),
  );
  const states = lazy(() =>
    client
      .prepare<[string], HighlightState>(
        `SELECT h.rowid, h.project_id, d.rowid, u.rowid, h.start, h."end",
         (SELECT group_concat(c.rowid) FROM highlight_codes hc JOIN codes c ON c.id = hc.code_id
          WHERE hc.highlight_id = h.id)
       FROM highlights h JOIN documents d ON d.id = h.document_id JOIN users u ON u.id = h.coder_id
       WHERE h.rowid IN (SELECT value FROM json_each(?))`,
      )
      .raw(),
  );
  return {
    lastChange: () => lastChange(db, 'highlights_log'),
    oldestChange: () => oldestChange(db, 'highlights_log'),
    /** How many highlights the project has (the copy's columns are made that size at once). */
    size(projectId: string): number {
      return (
        db.get<{ n: number | null }>(
          sql`SELECT sum(highlights) AS n FROM highlight_counts WHERE project_id = ${projectId}`,
        )!.n ?? 0
      );
    },
    /** The project's highlights with their codes, by document (a highlight's rows together). */
    rows(projectId: string): IterableIterator<HeldRow> {
      return rows().iterate(projectId);
    },
    /** The highlights of the project changed since change `seq`, each once. */
    changedSince(projectId: string, seq: number): number[] {
      return changed().all(seq, projectId);
    },
    /** The present state of these highlights; one that is gone has no row. */
    states(rowids: readonly number[]): HighlightState[] {
      return states().all(JSON.stringify(rowids));
    },
    /** Each code's rowid and id. */
    codes(projectId: string): Array<{ rowid: number; id: string }> {
      return db.all(sql`SELECT rowid, id FROM codes WHERE project_id = ${projectId}`);
    },
    /** The ids of users by their rowids. */
    userIds(rowids: readonly number[]): Array<{ rowid: number; id: string }> {
      return db.all(sql`SELECT rowid, id FROM users
        WHERE rowid IN (SELECT value FROM json_each(${JSON.stringify(rowids)}))`);
    },
    /** The rowids of the users a scope keeps as coders, among `rowids`. */
    coders(scope: AnalysisScope, rowids: readonly number[]): number[] {
      const chosen =
        scope.coderIds === null
          ? sql`u.id <> ${CONSENSUS}`
          : sql`u.id IN (SELECT value FROM json_each(${json(scope.coderIds)}))`;
      return db
        .all<{ rowid: number }>(
          sql`SELECT u.rowid FROM users u
          WHERE u.rowid IN (SELECT value FROM json_each(${JSON.stringify(rowids)})) AND ${chosen}`,
        )
        .map((r) => r.rowid);
    },
    /** The rowids of the documents of the studies a scope's study filters keep. */
    documents(scope: AnalysisScope): number[] {
      return db
        .all<{ rowid: number }>(
          sql`SELECT d.rowid FROM studies s JOIN documents d ON d.study_id = s.id
          WHERE ${studyWhere(scope)}`,
        )
        .map((r) => r.rowid);
    },
    /** The rowids of the codes in each code's subtree (itself included). */
    subtrees(codeIds: readonly string[]): Array<{ codeId: string; rowid: number }> {
      return db.all(sql`SELECT cc.ancestor_id AS codeId, c.rowid FROM code_closure cc
        JOIN codes c ON c.id = cc.descendant_id
        WHERE cc.ancestor_id IN (SELECT value FROM json_each(${json(codeIds)}))`);
    },
  };
}
export type HighlightCopyRepository = ReturnType<typeof createHighlightCopyRepository>;
