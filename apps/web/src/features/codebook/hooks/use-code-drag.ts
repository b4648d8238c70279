import { useState, type DragEvent } from 'react';
import type { Code } from '@kodbok/contracts';
import { wouldCreateCycle } from '@kodbok/core';

/**
 * Native drag and drop for moving a code under another (or to the top level). Drops that would
 * make a code its own ancestor are refused before the server has to say so.
 */
export function useCodeDrag(
  codes: readonly Code[],
  moveUnder: (codeId: string, parentId: string | null) => void,
) {
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const valid = (parentId: string | null) =>
    dragging !== null &&
    !wouldCreateCycle(codes, dragging, parentId) &&
    codes.find((c) => c.id === dragging)?.parentId !== parentId;

  const handlers = (parentId: string | null) => ({
    onDragStart: (e: DragEvent) => {
      if (parentId === null) return;
      e.dataTransfer.setData('text/plain', parentId);
      e.dataTransfer.effectAllowed = 'move';
      setDragging(parentId);
    },
    onDragOver: (e: DragEvent) => {
      if (!valid(parentId)) return;
      e.preventDefault();
      e.stopPropagation();
      setOver(parentId ?? 'top');
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      e.stopPropagation();
      if (dragging && valid(parentId)) moveUnder(dragging, parentId);
      setDragging(null);
      setOver(null);
    },
    onDragEnd: () => {
      setDragging(null);
      setOver(null);
    },
  });

  return { dragging, over, handlers };
}
