import type { CsvValue } from '../table';
import type { StudyCitation } from './citation';

/** A study as every excerpt row of it shows it (computed once per study, not per row). */
export interface ExportStudy extends StudyCitation {
  /** Every author, as stored, joined with "; ". */
  authors: string;
  year: number | null;
  title: string;
  doi: string | null;
}

/** A highlight with what an export shows of it; codes by id, in any order. */
export interface ExportHighlight {
  id: string;
  documentId: string;
  studyId: string;
  /** "abstract" or "text". */
  documentKind: string;
  coderId: string;
  coderName: string;
  /** UTF-16 offsets into the document, half-open. */
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  memo: string | null;
  createdAt: string;
  codeIds: readonly string[];
}

/** The columns of the coded-excerpts table (CSV and XLSX): one row per (highlight, code). */
export const EXCERPT_COLUMNS = [
  'study',
  'authors',
  'year',
  'title',
  'doi',
  'document',
  'code',
  'coder',
  'excerpt',
  'start',
  'end',
  'memo',
  'created',
] as const;

/** A code as an excerpt row names it, with its place in codebook order. */
export interface RowCode {
  path: string;
  order: number;
}

/**
 * The rows of one highlight: one per code it carries that `codes` knows (codes left out by a
 * filter are absent from `codes`), in codebook order.
 */
export function excerptRows(
  h: ExportHighlight,
  study: ExportStudy,
  codes: ReadonlyMap<string, RowCode>,
): CsvValue[][] {
  const carried: RowCode[] = [];
  for (const id of h.codeIds) {
    const code = codes.get(id);
    if (code) carried.push(code);
  }
  if (carried.length > 1) carried.sort((a, b) => a.order - b.order);
  return carried.map((code) => [
    study.key,
    study.authors,
    study.year,
    study.title,
    study.doi,
    h.documentKind,
    code.path,
    h.coderName,
    h.quote,
    h.start,
    h.end,
    h.memo,
    h.createdAt,
  ]);
}
