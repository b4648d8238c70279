import { sql } from 'drizzle-orm';
import type { Db } from '../connection';

/**
 * Keeps analysis_counts (rolled-up highlights per code × document × coder) current on highlight
 * writes. Runs inside the caller's transaction, including the group-commit path, so a highlight
 * and its counts are stored together or not at all. analysis_totals follows through triggers.
 */
export function createCountMaintainer(db: Db) {
  const client = db.$client;
  // The rows are keyed by rowids (migration 0025): a highlight's place and codes are looked up
  // once, then each rolled-up count is one search of an integer key.
  const placeOf = client.prepare<
    { documentId: string; coderId: string },
    { study: number; document: number; coder: number }
  >(
    `SELECT s.rowid AS study, d.rowid AS document, u.rowid AS coder
     FROM documents d JOIN studies s ON s.id = d.study_id, users u
     WHERE d.id = @documentId AND u.id = @coderId`,
  );
  const ancestorsOf = client
    .prepare<[string], number>(
      `SELECT a.rowid FROM code_closure cc JOIN codes a ON a.id = cc.ancestor_id
       WHERE cc.descendant_id = ?`,
    )
    .pluck();
  const increment = client.prepare<Place & { code: number }>(
    `INSERT INTO analysis_counts (code, study, document, coder, highlights)
     VALUES (@code, @study, @document, @coder, 1)
     ON CONFLICT (code, study, document, coder) DO UPDATE SET highlights = highlights + 1`,
  );
  const decrement = client.prepare<Place & { code: number }>(
    `UPDATE analysis_counts SET highlights = highlights - 1
     WHERE code = @code AND study = @study AND document = @document AND coder = @coder`,
  );
  const dropEmpty = client.prepare<Place & { code: number }>(
    `DELETE FROM analysis_counts
     WHERE code = @code AND study = @study AND document = @document AND coder = @coder
       AND highlights <= 0`,
  );

  /** The codes a highlight counts towards: its codes and all their ancestors, once each. */
  function rollUp(codeIds: readonly string[]): Set<number> {
    return new Set(codeIds.flatMap((id) => ancestorsOf.all(id)));
  }

  return {
    /**
     * A highlight of `coderId` in `documentId` changed its codes from `before` to `after` (an
     * insert has no `before`, a delete no `after`). Only codes whose roll-up changed are touched,
     * so a highlight with two sub-codes of one theme counts once for the theme.
     */
    change(
      where: { documentId: string; coderId: string },
      before: readonly string[],
      after: readonly string[],
    ): void {
      const place = placeOf.get({ documentId: where.documentId, coderId: where.coderId });
      // No such document or coder: the highlight's own insert fails on its foreign key.
      if (!place) return;
      const old = before.length > 0 ? rollUp(before) : new Set<number>();
      const now = after.length > 0 ? rollUp(after) : new Set<number>();
      for (const code of old) {
        if (now.has(code)) continue;
        decrement.run({ ...place, code });
        dropEmpty.run({ ...place, code });
      }
      for (const code of now) if (!old.has(code)) increment.run({ ...place, code });
    },
  };
}

/** Where a highlight's counts are kept: the rowids of its study, document and coder. */
interface Place {
  study: number;
  document: number;
  coder: number;
}
export type CountMaintainer = ReturnType<typeof createCountMaintainer>;

/** The closure of one project's codebook, recomputed whole (hundreds of codes: cheap). */
export function refreshClosure(db: Db, projectId: string): void {
  db.run(sql`DELETE FROM code_closure WHERE project_id = ${projectId}`);
  db.run(sql`INSERT INTO code_closure (project_id, ancestor_id, descendant_id)
    WITH RECURSIVE up(ancestor_id, descendant_id) AS (
      SELECT id, id FROM codes WHERE project_id = ${projectId}
      UNION
      SELECT c.parent_id, up.descendant_id FROM up JOIN codes c ON c.id = up.ancestor_id
      WHERE c.parent_id IS NOT NULL
    )
    SELECT ${projectId}, ancestor_id, descendant_id FROM up`);
}

/** Recomputes the rolled-up counts of `codeIds` from the highlights (after the codebook moved). */
export function rebuildCounts(db: Db, projectId: string, codeIds: readonly string[]): void {
  if (codeIds.length === 0) return;
  const ids = JSON.stringify(codeIds);
  db.run(sql`DELETE FROM analysis_counts
    WHERE code IN (SELECT rowid FROM codes
      WHERE project_id = ${projectId} AND id IN (SELECT value FROM json_each(${ids})))`);
  db.run(sql`INSERT INTO analysis_counts (code, study, document, coder, highlights)
    SELECT a.rowid, s.rowid, d.rowid, u.rowid, count(DISTINCT h.id)
    FROM code_closure cc
    JOIN codes a ON a.id = cc.ancestor_id
    JOIN highlight_codes hc ON hc.code_id = cc.descendant_id
    JOIN highlights h ON h.id = hc.highlight_id
    JOIN documents d ON d.id = h.document_id
    JOIN studies s ON s.id = d.study_id
    JOIN users u ON u.id = h.coder_id
    WHERE cc.project_id = ${projectId} AND cc.ancestor_id IN (SELECT value FROM json_each(${ids}))
    GROUP BY a.rowid, s.rowid, d.rowid, u.rowid`);
}
