import { existsSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';

/*
 * Reading the real exports of ../shared/realworld/imports independently of the importer: record
 * counts by each format's own markers, as imports.md counts them. The shared folder sits beside
 * the repository on the team's machines and in CI; a checkout without it skips these tests.
 */

export const SHARED = new URL('../../../../shared/realworld/', import.meta.url);
export const DIR = new URL('imports/', SHARED);
export const HAS_IMPORTS = existsSync(DIR);
if (!HAS_IMPORTS)
  console.warn(`${DIR.pathname} not found: the real-export import tests are skipped`);

export const text = (name: string) =>
  readFileSync(new URL(name, DIR), 'utf8').replace(/^\ufeff/, '');
const count = (s: string, re: RegExp) => s.match(re)?.length ?? 0;

/** Data rows of a CSV (quotes may hold commas and line breaks): line ends outside quotes. */
function csvRows(s: string): number {
  let rows = 0;
  let quoted = false;
  let content = false;
  for (const c of s) {
    if (c === '"') quoted = !quoted;
    if (!quoted && c === '\n') {
      if (content) rows++;
      content = false;
    } else if (!/\s/.test(c)) content = true;
  }
  return rows + (content ? 1 : 0) - 1; // the header is not data
}

/** Records in a file, counted as imports.md says: by each format's own markers. */
export function countRecords(name: string): number {
  const s = text(name);
  if (/^FN /.test(s)) return count(s, /^ER\s*$/gm); // Web of Science plain text
  if (/^PMID- /m.test(s)) return count(s, /^PMID- /gm);
  if (name.endsWith('.bib')) {
    const entries = [...s.matchAll(/@([A-Za-z]+)\s*\{/g)].map((m) => m[1]!.toLowerCase());
    return entries.filter((t) => !['string', 'comment', 'preamble'].includes(t)).length;
  }
  if (name.endsWith('.csv')) return csvRows(s);
  const ty = count(s, /^TY {2}- /gm);
  expect(count(s, /^ER {2}-/gm), `${name}: TY and ER pairs`).toBe(ty);
  return ty;
}

/** Records whose abstract field has text (AB or N2; abstract = {…}), by each format's markers. */
export function recordsWithAbstract(name: string): number {
  const s = text(name);
  const some = (parts: string[], re: RegExp) => parts.filter((p) => re.test(p)).length;
  if (/^FN /.test(s)) return some(s.split(/^PT /m).slice(1), /^AB \S/m);
  if (/^PMID- /m.test(s)) return some(s.split(/^PMID- /m).slice(1), /^AB {2}- \S/m);
  if (name.endsWith('.bib')) {
    const entries = s.split(/@(?!string|comment|preamble)[A-Za-z]+\s*\{/i);
    return some(entries.slice(1), /^\s*abstract\s*=\s*[{"]\s*[^\s}"]/im);
  }
  return some(s.split(/^TY {2}- /m).slice(1), /^(?:AB|N2) {2}- \S/m);
}

/** The count column of imports.md's table, file by file. */
export function documentedCounts(): Map<string, number> {
  const md = readFileSync(new URL('imports.md', SHARED), 'utf8');
  const rows = [...md.matchAll(/^\| (\S+\.\w+) \|.*\| (\d+) \|$/gm)];
  return new Map(rows.map((m) => [m[1]!, Number(m[2])]));
}

/** Records that a file holds twice, as imports.md says (skipped as duplicates). */
export const HELD_TWICE: Record<string, number> = {
  'jabref5_crlf.bib': 2,
  'scopus_exportdate.txt': 1,
};
