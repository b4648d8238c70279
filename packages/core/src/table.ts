/** Pure helpers for tables on screen: sorting by a column, and CSV for export. */

export type SortDirection = 'ascending' | 'descending';
export interface SortState<K extends string> {
  key: K | null;
  direction: SortDirection;
}

/** Text in natural order ("Study 2" before "Study 10"), case and accents as a reader expects. */
const collator = new Intl.Collator(undefined, { numeric: true });

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
          : collator.compare(String(a.v), String(b.v));
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

/**
 * RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled. Text that
 * starts with = + - @ gets a leading ' so a spreadsheet shows it instead of running it.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return rows
    .map((row) =>
      row
        .map((v) => {
          const s = v === null ? '' : String(v);
          const safe = typeof v === 'string' && /^[=+\-@]/.test(s) ? `'${s}` : s;
          return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
        })
        .join(','),
    )
    .join('\r\n');
}
