import { useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

/**
 * Row virtualisation for real <table>s and lists: only the rows in view are rendered, and two
 * spacer rows (or items) keep the scroll height, so tables stay tables (headers, screen readers)
 * at any size. Rows must have a fixed height.
 */
export function useVirtualRows(
  count: number,
  scrollRef: RefObject<HTMLElement | null>,
  rowHeight: number,
) {
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  return {
    items,
    before,
    after,
    scrollToIndex: (index: number) => virtualizer.scrollToIndex(index, { align: 'center' }),
  };
}
