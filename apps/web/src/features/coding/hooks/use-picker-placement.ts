import { useLayoutEffect, useState, type RefObject } from 'react';
import { placePicker, type Box, type PickerPlacement } from '../lib/picker-placement';

/** The selection the picker opens at: its first and last line, in its offset parent's space. */
export interface PickerAnchor {
  first: Box;
  last: Box;
}

/**
 * Keeps the floating picker wholly visible (see placePicker). It is measured before paint, again
 * whenever `contentKey` says its height may have changed (the filtered list, the Apply button): a
 * layout effect, since measuring the DOM is what they are for. Null until first measured.
 */
export function usePickerPlacement(
  ref: RefObject<HTMLElement | null>,
  anchor: PickerAnchor | undefined,
  contentKey: string,
): PickerPlacement | null {
  const [placement, setPlacement] = useState<PickerPlacement | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const origin = el?.offsetParent;
    if (!el || !anchor || !(origin instanceof HTMLElement)) return;
    const next = placePicker({
      ...anchor,
      size: { width: el.offsetWidth, height: naturalHeight(el) },
      bounds: visibleBounds(origin),
      prefer: placement?.side,
    });
    if (!placement || !samePlacement(placement, next)) setPlacement(next);
  }, [ref, anchor, placement, contentKey]);
  return placement;
}

/** The picker's height with its list at full length (up to the list's own CSS cap). */
function naturalHeight(el: HTMLElement): number {
  const list = el.querySelector<HTMLElement>('.picker-list');
  if (!list) return el.offsetHeight;
  const cap = parseFloat(getComputedStyle(list).maxHeight) || Infinity;
  return el.offsetHeight - list.clientHeight + Math.min(list.scrollHeight, cap);
}

/** What of `origin`'s space is on screen: its scrolling ancestors' boxes within the window. */
function visibleBounds(origin: HTMLElement): Box {
  const o = origin.getBoundingClientRect();
  let box: Box = { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth };
  for (let el = origin.parentElement; el; el = el.parentElement) {
    const { overflowX, overflowY } = getComputedStyle(el);
    if (overflowX === 'visible' && overflowY === 'visible') continue;
    const r = el.getBoundingClientRect();
    box = {
      top: Math.max(box.top, r.top),
      left: Math.max(box.left, r.left),
      bottom: Math.min(box.bottom, r.bottom),
      right: Math.min(box.right, r.right),
    };
  }
  return {
    top: box.top - o.top,
    left: box.left - o.left,
    bottom: box.bottom - o.top,
    right: box.right - o.left,
  };
}

function samePlacement(a: PickerPlacement, b: PickerPlacement): boolean {
  const near = (x: number, y: number) => Math.abs(x - y) < 0.5;
  return (
    a.side === b.side &&
    near(a.top, b.top) &&
    near(a.left, b.left) &&
    near(a.maxHeight, b.maxHeight)
  );
}
