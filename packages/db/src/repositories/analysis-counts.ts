import { sql } from 'drizzle-orm';
import type { Db } from '../connection';

/**
 * Keeps analysis_counts (rolled-up highlights per code × document × coder) current on highlight
 * writes. Runs inside the caller's transaction, including the group-commit path, so a highlight
 * and its counts are stored together or not at all. analysis_totals follows through triggers.
 */
export function createCountMaintainer(db: Db) {
  const client = db.$client;
  const ancestorsOf = client.prepare<[string], { id: string }>(
    'SELECT ancestor_id AS id FROM code_closure WHERE descendant_id = ?',
  );
  const increment = client.prepare(
    `INSERT INTO analysis_counts (project_id, code_id, study_id, document_id, coder_id, highlights)
     SELECT d.project_id, @codeId, d.study_id, d.id, @coderId, 1 FROM documents d WHERE d.id = @documentId
     ON CONFLICT (code_id, study_id, document_id, coder_id) DO UPDATE SET highlights = highlights + 1`,
  );
  const decrement = client.prepare(
    `UPDATE analysis_counts SET highlights = highlights - 1
     WHERE code_id = @codeId AND study_id = (SELECT study_id FROM documents WHERE id = @documentId)
       AND document_id = @documentId AND coder_id = @coderId`,
  );
  const dropEmpty = client.prepare(
    `DELETE FROM analysis_counts
     WHERE code_id = @codeId AND study_id = (SELECT study_id FROM documents WHERE id = @documentId)
       AND document_id = @documentId AND coder_id = @coderId AND highlights <= 0`,
  );

  /** The codes a highlight counts towards: its codes and all their ancestors, once each. */
  function rollUp(codeIds: readonly string[]): Set<string> {
    return new Set(codeIds.flatMap((id) => ancestorsOf.all(id).map((r) => r.id)));
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
      const old = before.length > 0 ? rollUp(before) : new Set<string>();
      const now = after.length > 0 ? rollUp(after) : new Set<string>();
      for (const codeId of old) {
        if (now.has(codeId)) continue;
        decrement.run({ ...where, codeId });
        dropEmpty.run({ ...where, codeId });
      }
      for (const codeId of now) if (!old.has(codeId)) increment.run({ ...where, codeId });
    },
  };
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
    WHERE project_id = ${projectId} AND code_id IN (SELECT value FROM json_each(${ids}))`);
  db.run(sql`INSERT INTO analysis_counts (project_id, code_id, study_id, document_id, coder_id, highlights)
    SELECT h.project_id, cc.ancestor_id, d.study_id, h.document_id, h.coder_id, count(DISTINCT h.id)
    FROM code_closure cc
    JOIN highlight_codes hc ON hc.code_id = cc.descendant_id
    JOIN highlights h ON h.id = hc.highlight_id
    JOIN documents d ON d.id = h.document_id
    WHERE cc.project_id = ${projectId} AND cc.ancestor_id IN (SELECT value FROM json_each(${ids}))
    GROUP BY cc.ancestor_id, h.document_id, h.coder_id`);
}
