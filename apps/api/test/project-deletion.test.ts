import { describe, expect, it } from 'vitest';
import {
  createCode,
  createHighlight,
  createProjectWithStudy,
  setupOwner,
  startAppWithDatabase,
} from './helper';

/*
 * Deleting a project deletes everything of it, the derived analysis tables included.
 * analysis_counts names its codes, studies, documents and coders by rowid (migration 0025), and
 * analysis_totals its codes and coders (0026), without foreign keys: their rows go through
 * triggers on codes, studies and documents.
 */

const { app, db } = await startAppWithDatabase();
const owner = await setupOwner(app);

/** Rows naming `projectId` in each table that has a project_id column (none left out). */
function rowsOf(projectId: string): Record<string, number> {
  const tables = db.$client
    .prepare(
      `SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c
       WHERE m.type = 'table' AND c.name = 'project_id' ORDER BY m.name`,
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [
      t,
      db.$client
        .prepare(`SELECT count(*) FROM "${t}" WHERE project_id = ?`)
        .pluck()
        .get(projectId) as number,
    ]),
  );
}

/** The project's rows in a table keyed by code rowid (their codes are the project's). */
const byCodeOf = (table: 'analysis_counts' | 'analysis_totals', projectId: string) =>
  db.$client
    .prepare(
      `SELECT count(*) FROM ${table} WHERE code IN (SELECT rowid FROM codes WHERE project_id = ?)`,
    )
    .pluck()
    .get(projectId) as number;
const countsOf = (projectId: string) => byCodeOf('analysis_counts', projectId);
const totalsOf = (projectId: string) => byCodeOf('analysis_totals', projectId);

/** Counts whose code, study, document or coder no longer exists. */
const orphanCounts = () =>
  db.$client
    .prepare(
      `SELECT count(*) FROM analysis_counts a
       WHERE NOT EXISTS (SELECT 1 FROM codes WHERE rowid = a.code)
          OR NOT EXISTS (SELECT 1 FROM studies WHERE rowid = a.study)
          OR NOT EXISTS (SELECT 1 FROM documents WHERE rowid = a.document)
          OR NOT EXISTS (SELECT 1 FROM users WHERE rowid = a.coder)`,
    )
    .pluck()
    .get() as number;

/** Totals whose code or coder no longer exists (coder 0: every coder). */
const orphanTotals = () =>
  db.$client
    .prepare(
      `SELECT count(*) FROM analysis_totals t
       WHERE NOT EXISTS (SELECT 1 FROM codes WHERE rowid = t.code)
          OR (t.coder <> 0 AND NOT EXISTS (SELECT 1 FROM users WHERE rowid = t.coder))`,
    )
    .pluck()
    .get() as number;

async function codedProject(text: string) {
  const { project, documentId, code } = await createProjectWithStudy(owner, text);
  const child = await createCode(owner, project.id, 'Sub-theme', { parentId: code.id });
  await createHighlight(owner, documentId, 'role clarity', [child.id]);
  await createHighlight(owner, documentId, 'daily struggle', [code.id, child.id]);
  return project.id as string;
}

describe('DELETE /api/projects/:projectId', () => {
  it('leaves no row of the project in any table, counts included; another project keeps its own', async () => {
    const text = 'Peer workers described role clarity as a daily struggle.';
    const gone = await codedProject(text);
    const kept = await codedProject(text);
    // The coding reached the derived tables, so their emptiness afterwards means something.
    expect(countsOf(gone)).toBeGreaterThan(0);
    expect(totalsOf(gone)).toBeGreaterThan(0);
    const keptBefore = rowsOf(kept);
    const keptCounts = countsOf(kept);
    const keptTotals = totalsOf(kept);

    expect((await owner.request('DELETE', `/api/projects/${gone}`)).statusCode).toBe(204);

    const after = rowsOf(gone);
    // The change logs are the read worker's to prune (decisions 020, 025): their rows may name
    // the project.
    delete after['counts_log'];
    delete after['highlights_log'];
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect(orphanCounts()).toBe(0);
    expect(totalsOf(gone)).toBe(0);
    expect(orphanTotals()).toBe(0);
    expect(rowsOf(kept)).toEqual(keptBefore);
    expect(countsOf(kept)).toBe(keptCounts);
    expect(totalsOf(kept)).toBe(keptTotals);
  });
});
