import { csvField, csvLine, type CsvValue } from '../table';
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
  return carriedCodes(h, codes).map((code) => [
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

/** The codes of a highlight that `codes` knows, in codebook order. */
function carriedCodes(h: ExportHighlight, codes: ReadonlyMap<string, RowCode>): RowCode[] {
  const carried: RowCode[] = [];
  for (const id of h.codeIds) {
    const code = codes.get(id);
    if (code) carried.push(code);
  }
  if (carried.length > 1) carried.sort((a, b) => a.order - b.order);
  return carried;
}

/**
 * The coded-excerpts CSV, a record at a time: the same text as `csvLine` over `excerptRows`, with
 * the cells that repeat from record to record (a study's five, a code's path, a coder's name)
 * escaped once and kept. A study has about a hundred excerpts: per record only the excerpt, its
 * offsets, memo and date are written, and a million-record export allocates a fraction of what
 * building each record as an array of cells did (issue 9's 100,000 records a second).
 */
export function excerptCsvRecords(codes: ReadonlyMap<string, RowCode>) {
  const studyCells = keptBy((s: ExportStudy) =>
    csvLine([s.key, s.authors, s.year, s.title, s.doi]),
  );
  const pathCell = keptBy((code: RowCode) => csvField(code.path));
  const nameCell = keptBy((name: string) => csvField(name));
  /** The records of one highlight (one per code it carries), each ended by CRLF; '' for none. */
  return (h: ExportHighlight, study: ExportStudy): string => {
    const carried = carriedCodes(h, codes);
    if (carried.length === 0) return '';
    const before = `${studyCells(study)},${csvField(h.documentKind)},`;
    const after = `,${nameCell(h.coderName)},${csvField(h.quote)},${h.start},${h.end},${csvField(h.memo)},${csvField(h.createdAt)}\r\n`;
    let records = '';
    for (const code of carried) records += before + pathCell(code) + after;
    return records;
  };
}

/** `make`, each key's result kept (by identity for objects) after its first call. */
function keptBy<K, V>(make: (key: K) => V): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = make(key);
      kept.set(key, value);
    }
    return value;
  };
}
