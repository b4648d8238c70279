import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
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
  // The re-check inside the commit unit: existence only, without reading the text again.
  const documentRow = db
    .select({ id: documents.id })
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

  // The same coder's highlight of exactly this span (highlights_document_idx serves it).
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
    .limit(1)
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

  function withCodes(rows: Array<HighlightRow & { coderName: string }>): HighlightView[] {
    if (rows.length === 0) return [];
    const links = db
      .select()
      .from(highlightCodes)
      .where(
        inArray(
          highlightCodes.highlightId,
          rows.map((r) => r.id),
        ),
      )
      .all();
    const byHighlight = new Map<string, string[]>();
    for (const l of links) {
      const list = byHighlight.get(l.highlightId);
      if (list) list.push(l.codeId);
      else byHighlight.set(l.highlightId, [l.codeId]);
    }
    return rows.map((r) => ({ ...r, codeIds: byHighlight.get(r.id) ?? [] }));
  }

  const selectView = () =>
    db
      .select({ ...highlightColumns(), coderName: users.name })
      .from(highlights)
      .innerJoin(users, eq(users.id, highlights.coderId));

  return {
    findDocument(id: string) {
      return documentById.get({ id });
    },
    documentExists(id: string): boolean {
      return documentRow.get({ id }) !== undefined;
    },
    /** A document's highlights of `coderIds` (null: every coder but the consensus). */
    listForDocument(documentId: string, coderIds: readonly string[] | null): HighlightView[] {
      const rows = selectView()
        .where(
          and(
            eq(highlights.documentId, documentId),
            coderIds === null
              ? ne(highlights.coderId, CONSENSUS)
              : inArray(highlights.coderId, [...coderIds]),
          ),
        )
        .orderBy(asc(highlights.start))
        .all();
      // SQLite limits bound parameters; fetch code links in slices for documents with many highlights.
      const out: HighlightView[] = [];
      for (let i = 0; i < rows.length; i += 500) out.push(...withCodes(rows.slice(i, i + 500)));
      return out;
    },
    find(id: string): HighlightView | undefined {
      return withCodes(selectView().where(eq(highlights.id, id)).all())[0];
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
      insertHighlight.run({ ...h, id, createdAt });
      for (const codeId of h.codeIds) insertCode.run({ highlightId: id, codeId });
      counts.change(h, [], h.codeIds);
      return { id, createdAt };
    },
    update(
      id: string,
      patch: Partial<Pick<HighlightRow, 'start' | 'end' | 'quote' | 'prefix' | 'suffix' | 'memo'>>,
    ): void {
      db.update(highlights)
        .set({ ...patch, updatedAt: now() })
        .where(eq(highlights.id, id))
        .run();
    },
    replaceCodes(id: string, codeIds: string[]): void {
      const before = current(id);
      if (before) counts.change(before.where, before.codeIds, codeIds);
      db.delete(highlightCodes).where(eq(highlightCodes.highlightId, id)).run();
      for (const codeId of codeIds) insertCode.run({ highlightId: id, codeId });
      db.update(highlights).set({ updatedAt: now() }).where(eq(highlights.id, id)).run();
    },
    delete(id: string): void {
      const before = current(id);
      if (before) counts.change(before.where, before.codeIds, []);
      db.delete(highlights).where(eq(highlights.id, id)).run();
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
