import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CODES_IN_PROJECT, createRepositories, openDatabase } from '@kodbok/db';

/*
 * The plans of queries on the coding hot path and in every analysis view, on a migrated
 * database: at review scale a walk over a project's rows where a key search was meant, or over
 * a wide index where a narrow one serves, costs every request (issues 12 and 13).
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

/** The statements `fn` prepares, caught on their way to SQLite. */
const preparedBy = (fn: () => void) => {
  const prepared: string[] = [];
  const prepare = db.$client.prepare.bind(db.$client);
  db.$client.prepare = ((source: string) => {
    prepared.push(source);
    return prepare(source);
  }) as typeof db.$client.prepare;
  try {
    fn();
  } finally {
    db.$client.prepare = prepare;
  }
  return prepared;
};
const scope = { projectId: 'p', coderIds: ['c'], studyAttributes: [], studyIds: null };

describe('query plans on the coding path', () => {
  it("checks a highlight's codes by their keys, not by walking the project's codebook", () => {
    const plan = planOf(CODES_IN_PROJECT);
    expect(plan).toContain('SEARCH codes USING INDEX sqlite_autoindex_codes_1 (id=?)');
    expect(plan.filter((step) => /codes_project_idx|codes_sibling_name_uq/.test(step))).toEqual([]);
  });

  it('reads excerpts in document order from the indexes, without sorting a project', () => {
    // The statement an export prepares.
    const { excerpts } = createRepositories(db);
    const [statement] = preparedBy(() =>
      excerpts.exportReader({ scope, codeIds: null, match: null }),
    );
    const plan = planOf(statement!);

    // Documents by (project, id), each one's highlights by (document, start, id): no step that
    // sorts, which at a million highlights would sort them all for every page.
    expect(plan).toContain(
      'SEARCH d USING COVERING INDEX documents_project_idx (project_id=? AND id>?)',
    );
    expect(plan).toContain('SEARCH h USING INDEX highlights_document_idx (document_id=?)');
    expect(plan.filter((step) => /TEMP B-TREE/.test(step))).toEqual([]);
  });

  it("counts a project's studies (every view's total) from the narrowest index", () => {
    const { analysis } = createRepositories(db);
    const [statement] = preparedBy(() => analysis.countStudies({ ...scope, coderIds: null }));
    // Only the project's id in each entry: at 10,000 studies a fifth of the pages of the
    // ordered indexes, 0.3 against 1.4 ms once other reads have had the caches (migration 0020).
    expect(planOf(statement!)).toEqual([
      'SEARCH s USING COVERING INDEX studies_project_idx (project_id=?)',
    ]);
    const columns = db.$client.pragma('index_info(studies_project_idx)') as Array<{ name: string }>;
    expect(columns.map((c) => c.name)).toEqual(['project_id']);
  });

  it("reads a matrix page's cells by the counts' key, one search per code and study", () => {
    const { analysis } = createRepositories(db);
    const [statement] = preparedBy(() => analysis.matrixCellsJson(scope, ['s1', 's2']));
    const plan = planOf(statement!);
    expect(plan).toContain('SEARCH a USING PRIMARY KEY (code=? AND study=?)');
    expect(plan.filter((step) => /SCAN (analysis_counts|a\b)/.test(step))).toEqual([]);
  });

  it("reads the unfiltered frequencies from the project's codes and the totals' key", () => {
    // The totals name no project (migration 0026): the project's codes lead, one key search each.
    const { analysis } = createRepositories(db);
    const [statement] = preparedBy(() => analysis.frequencyTotals({ ...scope, coderIds: null }));
    const plan = planOf(statement!);
    expect(plan).toContain('SEARCH t USING PRIMARY KEY (code=? AND coder=?)');
    expect(plan.filter((step) => /SCAN/.test(step))).toEqual([]);
  });

  it("finds a deleted document's counts by the key, not by reading every count", () => {
    // The trigger's statement, its `old.` columns as parameters: with no index in study order
    // (migration 0021), a walk here would read a million counts for every document deleted.
    const { sql } = db.$client
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'analysis_counts_document_ad'")
      .get() as { sql: string };
    const statement = /DELETE FROM[\s\S]*?;/.exec(sql)![0].replace(/old\.\w+/g, '?');
    const plan = planOf(statement.slice(0, -1));
    expect(plan).toContain(
      'SEARCH analysis_counts USING PRIMARY KEY (code=? AND study=? AND document=?)',
    );
    expect(plan.filter((step) => /SCAN analysis_counts/.test(step))).toEqual([]);
  });

  it("reads agreement's spans from the highlights' index alone, never their wide rows", () => {
    const { agreement } = createRepositories(db);
    const [statement] = preparedBy(() => agreement.codings(['s'], ['a', 'b']));
    // Each row holds its quote and context: 200,000 spans read through the rows took 440 ms,
    // from the index 335 (migration 0022).
    expect(planOf(statement!)).toContain(
      'SEARCH h USING COVERING INDEX highlights_document_idx (document_id=?)',
    );
  });

  it("reads a code's highlights from the codes' index alone", () => {
    const { excerpts } = createRepositories(db);
    const query = { scope, codeIds: ['a', 'b'], match: null, limit: 51, after: null };
    const statements = preparedBy(() => excerpts.total(query));
    // Two themes' 100,000 highlights through the rows took 0.74 s, from the index 0.49 s
    // (migration 0023); a theme's co-occurrence reads them the same way.
    expect(planOf(statements[statements.length - 1]!)).toContain(
      'SEARCH hc USING COVERING INDEX highlight_codes_code_idx (code_id=?)',
    );
  });
});
