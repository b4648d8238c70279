import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CODES_IN_PROJECT, createRepositories, openDatabase } from '@kodbok/db';

/*
 * The plans of queries on the coding hot path, on a migrated database: at review scale a walk
 * over a project's rows where a key search was meant costs every request (issues 12 and 13).
 */
const db = openDatabase(path.join(mkdtempSync(path.join(tmpdir(), 'kodbok-plans-')), 'k.sqlite'));
afterAll(() => db.$client.close());

/** The plan's steps; a statement with positional parameters gets NULL for each. */
const planOf = (query: string) => {
  const statement = db.$client.prepare(`EXPLAIN QUERY PLAN ${query}`);
  const positional = Array.from(query.matchAll(/\?(?![0-9])/g), () => null);
  const rows = positional.length > 0 ? statement.all(...positional) : statement.all(NAMED);
  return rows.map((row) => (row as { detail: string }).detail);
};
const NAMED = { ids: '[]', projectId: 'p' };

describe('query plans on the coding path', () => {
  it("checks a highlight's codes by their keys, not by walking the project's codebook", () => {
    const plan = planOf(CODES_IN_PROJECT);
    expect(plan).toContain('SEARCH codes USING INDEX sqlite_autoindex_codes_1 (id=?)');
    expect(plan.filter((step) => /codes_project_idx|codes_sibling_name_uq/.test(step))).toEqual([]);
  });

  it('reads excerpts in document order from the indexes, without sorting a project', () => {
    // The statement an export prepares, caught on its way to SQLite.
    const { excerpts } = createRepositories(db);
    const prepared: string[] = [];
    const prepare = db.$client.prepare.bind(db.$client);
    db.$client.prepare = ((source: string) => {
      prepared.push(source);
      return prepare(source);
    }) as typeof db.$client.prepare;
    try {
      const scope = { projectId: 'p', coderIds: ['c'], studyAttributes: [], studyIds: null };
      excerpts.exportReader({ scope, codeIds: null, match: null });
    } finally {
      db.$client.prepare = prepare;
    }
    const plan = planOf(prepared[0]!);

    // Documents by (project, id), each one's highlights by (document, start, id): no step that
    // sorts, which at a million highlights would sort them all for every page.
    expect(plan).toContain(
      'SEARCH d USING COVERING INDEX documents_project_idx (project_id=? AND id>?)',
    );
    expect(plan).toContain('SEARCH h USING INDEX highlights_document_idx (document_id=?)');
    expect(plan.filter((step) => /TEMP B-TREE/.test(step))).toEqual([]);
  });
});
