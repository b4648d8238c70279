import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../connection';
import { newId, now } from '../ids';
import { documents, highlightCodes, highlights, users } from '../schema';
import { createCountMaintainer } from './analysis-counts';
import { CONSENSUS } from './analysis-scope';

export type HighlightRow = typeof highlights.$inferSelect;
export type HighlightView = HighlightRow & { codeIds: string[]; coderName: string };

export interface NewHighlight {
  documentId: string;
  projectId: string;
  coderId: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  memo: string | null;
  codeIds: string[];
}

export function createHighlightRepository(db: Db) {
  // The coding hot path (thousands a second): statements prepared once.
  const documentById = db
    .select({ id: documents.id, projectId: documents.projectId, text: documents.text })
    .from(documents)
    .where(eq(documents.id, sql.placeholder('id')))
    .prepare();
  const insertHighlight = db
    .insert(highlights)
    .values({
      id: sql.placeholder('id'),
      documentId: sql.placeholder('documentId'),
      projectId: sql.placeholder('projectId'),
      coderId: sql.placeholder('coderId'),
      start: sql.placeholder('start'),
      end: sql.placeholder('end'),
      quote: sql.placeholder('quote'),
      prefix: sql.placeholder('prefix'),
      suffix: sql.placeholder('suffix'),
      memo: sql.placeholder('memo'),
      createdAt: sql.placeholder('createdAt'),
      updatedAt: sql.placeholder('createdAt'),
    })
    .prepare();
  const insertCode = db
    .insert(highlightCodes)
    .values({ highlightId: sql.placeholder('highlightId'), codeId: sql.placeholder('codeId') })
    .onConflictDoNothing()
    .prepare();

  // The same coder's highlight of exactly this span (highlights_document_idx serves it). No
  // LIMIT: `.get()` stops at the first row anyway, and drizzle binds a limit as a parameter,
  // which makes SQLite compile the statement again on every call (its planner reads the limit's
  // value): 9 µs a lookup instead of 2.
  const sameSpan = db
    .select({ id: highlights.id })
    .from(highlights)
    .where(
      and(
        eq(highlights.documentId, sql.placeholder('documentId')),
        eq(highlights.start, sql.placeholder('start')),
        eq(highlights.coderId, sql.placeholder('coderId')),
        eq(highlights.end, sql.placeholder('end')),
      ),
    )
    .prepare();

  const counts = createCountMaintainer(db);
  const codingOf = db
    .select({ documentId: highlights.documentId, coderId: highlights.coderId })
    .from(highlights)
    .where(eq(highlights.id, sql.placeholder('id')))
    .prepare();
  const codeIdsOf = db
    .select({ codeId: highlightCodes.codeId })
    .from(highlightCodes)
    .where(eq(highlightCodes.highlightId, sql.placeholder('id')))
    .prepare();
  /** Where a highlight counts and which codes it carries now, before its codes change. */
  function current(id: string) {
    const where = codingOf.get({ id });
    return where && { where, codeIds: codeIdsOf.all({ id }).map((r) => r.codeId) };
  }

  // Editing a highlight is the other hot path: one prepared read, the codes gathered by SQLite
  // (json_group_array) instead of a second query built per call.
  const byId = db
    .select({ ...highlightColumns(), coderName: users.name, codes: codesOfHighlight })
    .from(highlights)
    .innerJoin(users, eq(users.id, highlights.coderId))
    .where(eq(highlights.id, sql.placeholder('id')))
    .prepare();
  const setMemo = db
    .update(highlights)
    .set({ memo: sql`${sql.placeholder('memo')}`, updatedAt: sql`${sql.placeholder('at')}` })
    .where(eq(highlights.id, sql.placeholder('id')))
    .prepare();
  const setSpan = db
    .update(highlights)
    .set({
      start: sql`${sql.placeholder('start')}`,
      end: sql`${sql.placeholder('end')}`,
      quote: sql`${sql.placeholder('quote')}`,
      prefix: sql`${sql.placeholder('prefix')}`,
      suffix: sql`${sql.placeholder('suffix')}`,
      updatedAt: sql`${sql.placeholder('at')}`,
    })
    .where(eq(highlights.id, sql.placeholder('id')))
    .prepare();
  const touch = db
    .update(highlights)
    .set({ updatedAt: sql`${sql.placeholder('at')}` })
    .where(eq(highlights.id, sql.placeholder('id')))
    .prepare();
  const dropCodes = db
    .delete(highlightCodes)
    .where(eq(highlightCodes.highlightId, sql.placeholder('id')))
    .prepare();
  const deleteOne = db
    .delete(highlights)
    .where(eq(highlights.id, sql.placeholder('id')))
    .prepare();

  // A document's project without its text: authorising a read, and the re-check inside the
  // commit unit that it still exists.
  const documentProject = db
    .select({ projectId: documents.projectId })
    .from(documents)
    .where(eq(documents.id, sql.placeholder('id')))
    .prepare();
  const client = db.$client;
  const documentJson = client.prepare<{ id: string; consensus: string }, { json: Buffer }>(
    documentAsJson(`h.coder_id <> @consensus`),
  );
  const documentJsonBy = client.prepare<{ id: string; coderIds: string }, { json: Buffer }>(
    documentAsJson(`h.coder_id IN (SELECT value FROM json_each(@coderIds))`),
  );

  // New highlights of a group commit, added to the excerpt search's index at its end (migration
  // 0018). The group's transaction has no savepoints: a failure takes back all it wrote.
  let searchLater: Set<number | bigint> | null = null;
  const deferSearch = client.prepare(
    'INSERT OR IGNORE INTO highlights_fts_deferred (id) VALUES (1)',
  );
  const undeferSearch = client.prepare('DELETE FROM highlights_fts_deferred');
  const indexForSearch = client.prepare<[string]>(
    `INSERT INTO highlights_fts (rowid, quote, memo, scope)
     SELECT rid, quote, memo, scope FROM highlights_search
     WHERE rid IN (SELECT value FROM json_each(?))`,
  );
  /**
   * Adds the group's new highlights to the index so far: before a highlight is changed or
   * deleted, whose index triggers take out what the index holds of it.
   */
  function indexDeferred() {
    if (!searchLater?.size) return;
    indexForSearch.run(JSON.stringify([...searchLater].map(Number)));
    searchLater.clear();
  }

  return {
    /**
     * Inserts from here on leave the excerpt search's index to `indexDeferredForSearch`, which
     * writes it for all of them in one statement. Call at the start of a group commit's
     * transaction; one index write per highlight made FTS5 write a segment per highlight.
     */
    deferSearchIndex(): void {
      deferSearch.run();
      searchLater = new Set();
    },
    /** Ends `deferSearchIndex`: the highlights inserted since are added to the index. */
    indexDeferredForSearch(): void {
      indexDeferred();
      undeferSearch.run();
      searchLater = null;
    },
    /**
     * Ends `deferSearchIndex` after its transaction was rolled back: the highlights it noted are
     * gone, and their rowids may come back for highlights the trigger indexes.
     */
    forgetDeferredSearch(): void {
      searchLater = null;
    },
    findDocument(id: string) {
      return documentById.get({ id });
    },
    /** The project of a document, without reading its text. */
    projectOfDocument(id: string): string | undefined {
      return documentProject.get({ id })?.projectId;
    },
    /**
     * A document with its highlights of `coderIds` (null: every coder but the consensus) as the
     * API answers it (Document, UTF-8 JSON), written by SQLite: opening a document is the most
     * frequent read, and 100 highlights as objects cost the API thread 1.5 ms and their garbage.
     */
    documentJson(id: string, coderIds: readonly string[] | null): Buffer | undefined {
      const row =
        coderIds === null
          ? documentJson.get({ id, consensus: CONSENSUS })
          : documentJsonBy.get({ id, coderIds: JSON.stringify(coderIds) });
      return row?.json;
    },
    documentExists(id: string): boolean {
      return documentProject.get({ id }) !== undefined;
    },
    find(id: string): HighlightView | undefined {
      const row = byId.get({ id });
      return row && toView(row);
    },
    /** The id of `coderId`'s highlight of exactly [start, end) in the document, if there is one. */
    findSameSpan(span: {
      documentId: string;
      coderId: string;
      start: number;
      end: number;
    }): string | undefined {
      return sameSpan.get(span)?.id;
    },
    /** Inserts a highlight with its codes; returns its id. Call inside a transaction. */
    insert(h: NewHighlight): { id: string; createdAt: string } {
      const id = newId();
      const createdAt = now();
      const { lastInsertRowid } = insertHighlight.run({ ...h, id, createdAt });
      searchLater?.add(lastInsertRowid);
      for (const codeId of h.codeIds) insertCode.run({ highlightId: id, codeId });
      counts.change(h, [], h.codeIds);
      return { id, createdAt };
    },
    setMemo(id: string, memo: string | null): void {
      indexDeferred();
      setMemo.run({ id, memo, at: now() });
    },
    setSpan(
      id: string,
      span: Pick<HighlightRow, 'start' | 'end' | 'quote' | 'prefix' | 'suffix'>,
    ): void {
      indexDeferred();
      setSpan.run({ id, ...span, at: now() });
    },
    replaceCodes(id: string, codeIds: string[]): void {
      const before = current(id);
      if (before) counts.change(before.where, before.codeIds, codeIds);
      dropCodes.run({ id });
      for (const codeId of codeIds) insertCode.run({ highlightId: id, codeId });
      touch.run({ id, at: now() });
    },
    delete(id: string): void {
      indexDeferred();
      const before = current(id);
      if (before) counts.change(before.where, before.codeIds, []);
      deleteOne.run({ id });
    },
    /**
     * Deletes up to `limit` highlights of a project that is itself about to be deleted (an
     * import's hidden project, docs/decisions/019), without keeping its counts; how many went.
     */
    deleteSome(projectId: string, limit: number): number {
      return db.run(sql`DELETE FROM highlights WHERE id IN
        (SELECT id FROM highlights WHERE project_id = ${projectId} LIMIT ${limit})`).changes;
    },
    /** Highlights left without any code (after a code was deleted) are removed: a highlight is a coding. */
    deleteUncoded(projectId: string): void {
      db.delete(highlights)
        .where(
          and(
            eq(highlights.projectId, projectId),
            sql`not exists (select 1 from ${highlightCodes} where ${highlightCodes.highlightId} = ${highlights.id})`,
          ),
        )
        .run();
    },
  };
}

/**
 * The Document of contracts/documents.ts, its highlights in text order. json() marks each
 * subquery's array as JSON for json_object: SQLite does not promise that a value's JSON subtype
 * survives a subquery, and without it the array would be embedded as a string.
 */
function documentAsJson(coders: string): string {
  return `SELECT CAST(json_object(
      'id', d.id, 'studyId', d.study_id, 'projectId', d.project_id, 'kind', d.kind,
      'text', d.text, 'length', d.length,
      'highlights', json((SELECT json_group_array(json_object(
          'id', h.id, 'documentId', h.document_id, 'coderId', h.coder_id, 'coderName', u.name,
          'start', h.start, 'end', h."end", 'quote', h.quote, 'prefix', h.prefix,
          'suffix', h.suffix,
          'codeIds', json((SELECT json_group_array(code_id) FROM highlight_codes
            WHERE highlight_id = h.id)),
          'memo', h.memo, 'createdAt', h.created_at, 'updatedAt', h.updated_at)
        ORDER BY h.start, h.id)
        FROM highlights h JOIN users u ON u.id = h.coder_id
        WHERE h.document_id = d.id AND ${coders}))
    ) AS BLOB) AS json
    FROM documents d WHERE d.id = @id`;
}

/** A highlight's codes, as a JSON array, in the order of the links' key. */
const codesOfHighlight = sql<string>`(select json_group_array(${highlightCodes.codeId}) from ${highlightCodes} where ${highlightCodes.highlightId} = ${highlights.id})`;

function toView({ codes, ...row }: HighlightRow & { coderName: string; codes: string }) {
  return { ...row, codeIds: JSON.parse(codes) as string[] };
}

function highlightColumns() {
  return {
    id: highlights.id,
    documentId: highlights.documentId,
    projectId: highlights.projectId,
    coderId: highlights.coderId,
    start: highlights.start,
    end: highlights.end,
    quote: highlights.quote,
    prefix: highlights.prefix,
    suffix: highlights.suffix,
    memo: highlights.memo,
    createdAt: highlights.createdAt,
    updatedAt: highlights.updatedAt,
  };
}
export type HighlightRepository = ReturnType<typeof createHighlightRepository>;
