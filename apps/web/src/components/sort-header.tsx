import type { SortState } from '@kodbok/core';

interface Props<K extends string> {
  label: string;
  sortKey: K;
  sort: SortState<K>;
  numeric: boolean;
  onSort: () => void;
}

/** A column header that sorts its table; aria-sort tells screen readers the current order. */
export function SortHeader<K extends string>({ label, sortKey, sort, numeric, onSort }: Props<K>) {
  const active = sort.key === sortKey;
  return (
    <th
      scope="col"
      className={numeric ? 'num' : undefined}
      aria-sort={active ? sort.direction : 'none'}
    >
      <button type="button" className="sort-button" onClick={onSort}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
