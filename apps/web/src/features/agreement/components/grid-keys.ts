import type { KeyboardEvent } from 'react';

/**
 * Arrow keys move between the links of the agreement grid (Home/End: first/last in the row), so
 * keyboard users need not Tab through every cell. Empty cells are skipped; focusing a link
 * scrolls it into view, and the virtualised rows follow.
 */
export function onGridKeyDown(e: KeyboardEvent<HTMLTableElement>) {
  const cell = (e.target as HTMLElement).closest('td, th');
  const row = cell?.parentElement as HTMLTableRowElement | undefined;
  if (!cell || !row || row.parentElement?.tagName !== 'TBODY') return;
  const col = (cell as HTMLTableCellElement).cellIndex;
  const links = (r: Element) => [...r.querySelectorAll<HTMLElement>('a')];
  const colOf = (a: HTMLElement) => (a.closest('td, th') as HTMLTableCellElement).cellIndex;
  let target: HTMLElement | undefined;
  if (e.key === 'ArrowRight') target = links(row).find((a) => colOf(a) > col);
  else if (e.key === 'ArrowLeft')
    target = links(row)
      .reverse()
      .find((a) => colOf(a) < col);
  else if (e.key === 'Home') target = links(row)[0];
  else if (e.key === 'End') target = links(row).at(-1);
  else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    const step = e.key === 'ArrowDown' ? 'nextElementSibling' : 'previousElementSibling';
    for (let r = row[step]; r && !target; r = r[step])
      target = links(r).find((a) => colOf(a) === col);
  }
  if (!target) return;
  e.preventDefault();
  target.focus();
}
