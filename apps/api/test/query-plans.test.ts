import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CODES_IN_PROJECT, openDatabase } from '@kodbok/db';

/*
 * The plans of queries on the coding hot path, on a migrated database: at review scale a walk
 * over a project's rows where a key search was meant costs every request (issues 12 and 13).
 */
const db = openDatabase(path.join(mkdtempSync(path.join(tmpdir(), 'kodbok-plans-')), 'k.sqlite'));
afterAll(() => db.$client.close());

const planOf = (query: string) =>
  db.$client
    .prepare(`EXPLAIN QUERY PLAN ${query}`)
    .all({ ids: '[]', projectId: 'p' })
    .map((row) => (row as { detail: string }).detail);

describe('query plans on the coding path', () => {
  it("checks a highlight's codes by their keys, not by walking the project's codebook", () => {
    const plan = planOf(CODES_IN_PROJECT);
    expect(plan).toContain('SEARCH codes USING INDEX sqlite_autoindex_codes_1 (id=?)');
    expect(plan.filter((step) => /codes_project_idx|codes_sibling_name_uq/.test(step))).toEqual([]);
  });
});
