import type { CodeNode } from '../codebook';
import type { CsvValue } from '../table';
import { placeCodes } from './code-path';

/*
 * The synthesis tables: the theme × study matrix (codes as rows, studies as columns, as on the
 * Analysis page) and its tidy form for R and Python (one row per study × code).
 */

export type MatrixCells = 'counts' | 'ticks';

export interface SynthesisMatrix {
  studies: ReadonlyArray<{ key: string }>;
  codes: ReadonlyArray<{ path: string; depth: number }>;
  /** Rolled-up highlights, row-major: counts[code * studies.length + study]. */
  counts: ArrayLike<number>;
}

export const TICK = '✓';

/** The matrix as rows, header first: a code's path, then a count (or a tick) per study. */
export function matrixRows(m: SynthesisMatrix, cells: MatrixCells): CsvValue[][] {
  const width = m.studies.length;
  const rows: CsvValue[][] = [['code', ...m.studies.map((s) => s.key)]];
  m.codes.forEach((code, c) => {
    const row: CsvValue[] = [code.path];
    for (let s = 0; s < width; s++) {
      const n = m.counts[c * width + s] ?? 0;
      row.push(cells === 'counts' ? n : n > 0 ? TICK : '');
    }
    rows.push(row);
  });
  return rows;
}

const PRESENCE_FIXED = ['study', 'study_id', 'title', 'year'] as const;
const PRESENCE_CODE = ['code_id', 'code', 'theme', 'level', 'present', 'highlights'] as const;

/**
 * The tidy table's header: study columns, one column per study attribute (renamed "name
 * (attribute)" where it would clash with a fixed column), then the code and its counts.
 */
export function presenceHeader(attributeNames: readonly string[]): string[] {
  const fixed = new Set<string>([...PRESENCE_FIXED, ...PRESENCE_CODE]);
  return [
    ...PRESENCE_FIXED,
    ...attributeNames.map((n) => (fixed.has(n) ? `${n} (attribute)` : n)),
    ...PRESENCE_CODE,
  ];
}

export interface PresenceStudy {
  id: string;
  key: string;
  title: string;
  year: number | null;
  attributes: ReadonlyMap<string, string>;
}

/**
 * One study's rows: every code (in codebook order) with 0/1 presence and its rolled-up
 * highlight count. `level` is 1 for a theme, 2 for its codes, …
 */
export function presenceRows(
  study: PresenceStudy,
  attributeNames: readonly string[],
  codes: ReadonlyArray<{ id: string; path: string; themeName: string; depth: number }>,
  highlights: ReadonlyMap<string, number>,
): CsvValue[][] {
  const head: CsvValue[] = [
    study.key,
    study.id,
    study.title,
    study.year,
    ...attributeNames.map((n) => study.attributes.get(n) ?? null),
  ];
  return codes.map((code) => {
    const n = highlights.get(code.id) ?? 0;
    return [...head, code.id, code.path, code.themeName, code.depth + 1, n > 0 ? 1 : 0, n];
  });
}

export interface BookCode extends CodeNode {
  description: string;
  color: string;
  keywords: readonly string[];
}

export const CODEBOOK_COLUMNS = [
  'id',
  'parent_id',
  'path',
  'theme',
  'name',
  'level',
  'description',
  'color',
  'keywords',
] as const;

/** The codebook as rows (header first), in tree order; keywords joined with "; ". */
export function codebookRows(codes: readonly BookCode[]): CsvValue[][] {
  return [
    [...CODEBOOK_COLUMNS],
    ...placeCodes(codes).map((c) => [
      c.id,
      c.parentId,
      c.path,
      c.themeName,
      c.name,
      c.depth + 1,
      c.description,
      c.color,
      c.keywords.join('; '),
    ]),
  ];
}

export interface CodebookNode {
  id: string;
  name: string;
  description: string;
  color: string;
  keywords: string[];
  children: CodebookNode[];
}

/** The codebook as a nested tree (themes, their codes, …), siblings in codebook order. */
export function codebookTree(codes: readonly BookCode[]): CodebookNode[] {
  const roots: CodebookNode[] = [];
  const nodes = new Map<string, CodebookNode>();
  for (const c of placeCodes(codes)) {
    const node: CodebookNode = {
      id: c.id,
      name: c.name,
      description: c.description,
      color: c.color,
      keywords: [...c.keywords],
      children: [],
    };
    nodes.set(c.id, node);
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
