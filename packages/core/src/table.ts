import { compareText } from './collation';

/** Pure helpers for tables on screen: sorting by a column, and CSV for export. */

export type SortDirection = 'ascending' | 'descending';
export interface SortState<K extends string> {
  key: K | null;
  direction: SortDirection;
}

/** Stable sort of `rows` by `value`; ties keep their order (the codebook's, the server's). */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  sort: SortState<K>,
  value: (row: T, key: K) => number | string,
): T[] {
  if (sort.key === null) return [...rows];
  const key = sort.key;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: value(row, key) }))
    .sort((a, b) => {
      const d =
        typeof a.v === 'number' && typeof b.v === 'number'
          ? a.v - b.v
          : compareText(String(a.v), String(b.v));
      return d !== 0 ? d * sign : a.index - b.index;
    })
    .map((x) => x.row);
}

/** Clicking a header: numbers start high-to-low; a third click returns to codebook order. */
export function nextSort<K extends string>(
  sort: SortState<K>,
  key: K,
  numeric: boolean,
): SortState<K> {
  const first: SortDirection = numeric ? 'descending' : 'ascending';
  if (sort.key !== key) return { key, direction: first };
  if (sort.direction === first)
    return { key, direction: first === 'ascending' ? 'descending' : 'ascending' };
  return { key: null, direction: 'ascending' };
}

/** Characters that make a spreadsheet read a cell as a formula (or a DDE call) when it opens. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet would run as a formula (= + - @, or a tab or carriage return before one) gets
 * a leading ' so it is shown, not run (OWASP "CSV injection"). Used for CSV and XLSX cells alike.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The byte order mark that tells Excel a CSV file is UTF-8 (so it reads å, ø and “quotes”). */
export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | null;

/**
 * One RFC 4180 field: quoted when it holds a comma, quote or line break, quotes doubled. Text
 * (never a number) that a spreadsheet would run as a formula is neutralised first.
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = neutralizeFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record, without its line ending. */
export function csvLine(row: ReadonlyArray<CsvValue>): string {
  return row.map(csvField).join(',');
}

/**
 * RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled, records end
 * with CRLF between them. Text that starts like a formula gets a leading ' (see neutralizeFormula).
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return rows.map(csvLine).join('\r\n');
}
