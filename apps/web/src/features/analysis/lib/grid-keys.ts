import type { KeyboardEvent } from 'react';

/**
 * Arrow keys move between the cell buttons of a heatmap table (Home/End: first/last in the row),
 * so keyboard users need not Tab through thousands of cells. Empty cells are skipped; focusing a
 * cell scrolls it into view, and the virtualised rows follow.
 */
export function onGridKeyDown(e: KeyboardEvent<HTMLTableElement>) {
  const cell = (e.target as HTMLElement).closest('td');
  const row = cell?.parentElement as HTMLTableRowElement | undefined;
  if (!cell || !row) return;
  const target = targetOf(e.key, row, cell.cellIndex);
  if (!target) return;
  e.preventDefault();
  target.focus();
}

function targetOf(key: string, row: HTMLTableRowElement, col: number): HTMLElement | null {
  const buttons = (r: Element) => [...r.querySelectorAll<HTMLElement>('td button')];
  const inRow = buttons(row);
  const colOf = (b: HTMLElement) => (b.closest('td') as HTMLTableCellElement).cellIndex;
  switch (key) {
    case 'ArrowRight':
      return inRow.find((b) => colOf(b) > col) ?? null;
    case 'ArrowLeft':
      return inRow.reverse().find((b) => colOf(b) < col) ?? null;
    case 'Home':
      return inRow[0] ?? null;
    case 'End':
      return inRow[inRow.length - 1] ?? null;
    case 'ArrowDown':
    case 'ArrowUp': {
      const step = key === 'ArrowDown' ? 'nextElementSibling' : 'previousElementSibling';
      for (let r = row[step]; r; r = r[step]) {
        const hit = buttons(r).find((b) => colOf(b) === col);
        if (hit) return hit;
      }
      return null;
    }
    default:
      return null;
  }
}
