import { useState, type KeyboardEvent, type RefObject } from 'react';
import type { TreeRow } from '../lib/tree-rows';

/**
 * Roving focus for the codebook tree (WAI-ARIA tree pattern): one treeitem is in the tab order;
 * arrows move, Right/Left open/close a theme or step to child/parent, Home/End jump.
 */
export function useTreeKeys(
  treeRef: RefObject<HTMLUListElement | null>,
  rows: readonly TreeRow[],
  setExpanded: (codeId: string, expanded: boolean) => void,
) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const active = rows.find((r) => r.code.id === activeId) ?? rows[0];

  const focusRow = (codeId: string | undefined) => {
    if (!codeId) return;
    treeRef.current?.querySelector<HTMLElement>(`[data-code-id="${CSS.escape(codeId)}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    // Keys inside a row's menu or buttons belong to them.
    if ((event.target as HTMLElement).getAttribute('role') !== 'treeitem' || !active) return;
    const i = rows.indexOf(active);
    const parentIndex = rows.findIndex((r) => r.code.id === active.code.parentId);
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusRow(rows[i + 1]?.code.id),
      ArrowUp: () => focusRow(rows[i - 1]?.code.id),
      Home: () => focusRow(rows[0]?.code.id),
      End: () => focusRow(rows.at(-1)?.code.id),
      ArrowRight: () => {
        if (active.hasChildren && !active.expanded) setExpanded(active.code.id, true);
        else if (active.expanded) focusRow(rows[i + 1]?.code.id);
      },
      ArrowLeft: () => {
        if (active.expanded) setExpanded(active.code.id, false);
        else if (parentIndex >= 0) focusRow(rows[parentIndex]!.code.id);
      },
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  return { activeId: active?.code.id ?? null, setActiveId, onKeyDown };
}
