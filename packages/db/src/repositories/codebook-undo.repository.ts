import { and, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../connection';
import { newId, now } from '../ids';
import { codebookUndo, codes, highlightCodes, memos } from '../schema';

type Row = Record<string, unknown>;

/**
 * What deleting or merging a code changed, to put it back: rows as SQLite holds them (column
 * names as in the table), so a restore writes back exactly what was there.
 */
export interface CodebookUndoPayload {
  code: Row;
  /** Sub-codes, and where they went: up to the code's parent (delete) or into the target (merge). */
  children: Array<{ id: string; position: number }>;
  childrenTo: string | null;
  /** Highlights that carried the code. */
  codings: string[];
  /** The code whose codings took them over (merge, or delete with move), and those it gained. */
  targetId: string | null;
  addedTo: string[];
  /** Highlights deleted with the code (it was their only code), with their rows. */
  highlights: Row[];
  /** The code's memos, and the target's as they were before a merge appended to them. */
  memos: Row[];
  targetMemos: Row[];
}

export interface CodebookUndoRecord {
  id: string;
  projectId: string;
  userId: string;
  kind: 'delete' | 'merge';
  payload: CodebookUndoPayload;
  createdAt: string;
}

/** How long an undo stays possible. */
const KEEP_MS = 7 * 24 * 3600 * 1000;

const ids = (list: readonly string[]) =>
  sql`(SELECT value FROM json_each(${JSON.stringify(list)}))`;

/** A raw row written back into `table` (its columns are ours, read from the same table). */
function insertRow(db: Db, table: string, row: Row, orIgnore = true) {
  const cols = Object.keys(row);
  const values = sql.join(
    cols.map((c) => sql`${row[c] as string | number | null}`),
    sql`, `,
  );
  const names = sql.raw(cols.map((c) => `"${c.replaceAll('"', '""')}"`).join(', '));
  db.run(
    sql`INSERT ${sql.raw(orIgnore ? 'OR IGNORE ' : '')}INTO ${sql.raw(`"${table}"`)} (${names}) VALUES (${values})`,
  );
}

export function createCodebookUndoRepository(db: Db) {
  const all = (q: SQL) => db.all<Row>(q);
  return {
    /**
     * Reads what deleting or merging `codeId` will change: its codings go to `targetId` (merge,
     * or delete with move) or away (then highlights left with no code are deleted), its sub-codes
     * to `childrenTo`. Call in the transaction, before the change.
     */
    capture(
      codeId: string,
      change: { targetId: string | null; childrenTo: string | null },
    ): CodebookUndoPayload {
      const { targetId, childrenTo } = change;
      const code = all(sql`SELECT * FROM codes WHERE id = ${codeId}`)[0]!;
      const codings = db
        .all<{ id: string }>(
          sql`SELECT highlight_id AS id FROM highlight_codes WHERE code_id = ${codeId}`,
        )
        .map((r) => r.id);
      const addedTo = targetId
        ? db
            .all<{ id: string }>(
              sql`SELECT hc.highlight_id AS id FROM highlight_codes hc
              WHERE hc.code_id = ${codeId} AND NOT EXISTS (SELECT 1 FROM highlight_codes t
                WHERE t.highlight_id = hc.highlight_id AND t.code_id = ${targetId})`,
            )
            .map((r) => r.id)
        : [];
      const lone = !targetId
        ? all(sql`SELECT h.* FROM highlights h JOIN highlight_codes hc ON hc.highlight_id = h.id
            WHERE hc.code_id = ${codeId} AND NOT EXISTS (SELECT 1 FROM highlight_codes o
              WHERE o.highlight_id = h.id AND o.code_id <> ${codeId})`)
        : [];
      return {
        code,
        children: db.all<{ id: string; position: number }>(
          sql`SELECT id, position FROM codes WHERE parent_id = ${codeId}`,
        ),
        childrenTo,
        codings,
        targetId,
        addedTo,
        highlights: lone,
        memos: all(sql`SELECT * FROM memos WHERE code_id = ${codeId}`),
        targetMemos: targetId ? all(sql`SELECT * FROM memos WHERE code_id = ${targetId}`) : [],
      };
    },

    /** Keeps a record (and forgets those past their time); returns its id. */
    save(
      projectId: string,
      userId: string,
      kind: 'delete' | 'merge',
      payload: CodebookUndoPayload,
    ): string {
      const id = newId();
      db.delete(codebookUndo)
        .where(lt(codebookUndo.createdAt, new Date(Date.now() - KEEP_MS).toISOString()))
        .run();
      db.insert(codebookUndo)
        .values({ id, projectId, userId, kind, payload: JSON.stringify(payload), createdAt: now() })
        .run();
      return id;
    },

    find(id: string): CodebookUndoRecord | undefined {
      const r = db.select().from(codebookUndo).where(eq(codebookUndo.id, id)).get();
      return r && { ...r, payload: JSON.parse(r.payload) as CodebookUndoPayload };
    },

    remove(id: string): void {
      db.delete(codebookUndo).where(eq(codebookUndo.id, id)).run();
    },

    /**
     * Puts the code back as captured: its row (parent as given), the highlights deleted with it,
     * its codings on highlights that still exist, its sub-codes (those still where they were
     * moved), its memos; takes the target's gained codings and merged memos back. The caller
     * checks names and refreshes the closure and counts. Call in a transaction.
     */
    restore(p: CodebookUndoPayload, parentId: string | null, position: number): void {
      insertRow(db, 'codes', { ...p.code, parent_id: parentId, position }, false);
      for (const h of p.highlights) insertRow(db, 'highlights', h);
      db.run(sql`INSERT OR IGNORE INTO highlight_codes (highlight_id, code_id)
        SELECT h.id, ${p.code.id as string} FROM highlights h WHERE h.id IN ${ids(p.codings)}`);
      if (p.targetId) {
        db.delete(highlightCodes)
          .where(
            and(
              eq(highlightCodes.codeId, p.targetId),
              sql`${highlightCodes.highlightId} IN ${ids(p.addedTo)}`,
            ),
          )
          .run();
        // The memos merged into the target's go back to what they were; others' stay.
        const authors = p.memos.map((m) => m.user_id as string);
        db.delete(memos)
          .where(and(eq(memos.codeId, p.targetId), sql`${memos.userId} IN ${ids(authors)}`))
          .run();
        for (const m of p.targetMemos)
          if (authors.includes(m.user_id as string)) insertRow(db, 'memos', m);
      }
      // Sub-codes still where the change put them come back, in their old order.
      for (const child of p.children) {
        db.update(codes)
          .set({ parentId: p.code.id as string, position: child.position })
          .where(
            and(
              eq(codes.id, child.id),
              p.childrenTo === null
                ? sql`${codes.parentId} IS NULL`
                : eq(codes.parentId, p.childrenTo),
            ),
          )
          .run();
      }
      for (const m of p.memos) insertRow(db, 'memos', m);
    },
  };
}
