/** Sorting of analysis tables: by a column, or in codebook order (the rows' given order). */
export type SortDirection = 'ascending' | 'descending';
export interface SortState<K extends string> {
  key: K | null;
  direction: SortDirection;
}

/** Stable sort of `rows` by `value`; ties keep codebook order. */
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
          : String(a.v).localeCompare(String(b.v));
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

export const percent = (share: number | null) =>
  share === null ? '—' : `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)}%`;
