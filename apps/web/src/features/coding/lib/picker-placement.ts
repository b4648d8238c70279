/** A picker shorter than this (input, three options, help) is not worth showing. */
const MIN_USABLE_HEIGHT = 160;

/** A rectangle in some coordinate space (DOMRect fits). */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface PickerPlacement {
  top: number;
  left: number;
  /** Height the picker may take at most: its list scrolls within it when the room is short. */
  maxHeight: number;
  side: 'below' | 'above';
}

export interface PlacementInput {
  /** The selection's first and last line boxes. */
  first: Box;
  last: Box;
  /** The picker's own size as rendered (its height changes as the filter narrows the list). */
  size: { width: number; height: number };
  /** What is visible: the document pane's box within the window. */
  bounds: Box;
  /** The side it is on now: it stays there while it fits, rather than jumping as the list changes. */
  prefer?: 'below' | 'above';
  /** Space between the selection and the picker. */
  gap?: number;
  /** Space kept from the edges of the bounds. */
  margin?: number;
}

/**
 * Where the code picker goes so that it is wholly visible, as desktop QDA tools place theirs:
 * under the selection's last line when it fits there, else above its first line, else on the
 * side with more room with its height capped to that room (the list scrolls). Horizontally it
 * starts at the last line's left edge, shifted left to stay inside. All boxes share one
 * coordinate space; the answer is in it too.
 */
export function placePicker({
  first,
  last,
  size,
  bounds,
  prefer = 'below',
  gap = 6,
  margin = 8,
}: PlacementInput): PickerPlacement {
  const minTop = bounds.top + margin;
  const maxBottom = bounds.bottom - margin;
  const below = last.bottom + gap;
  const above = first.top - gap;
  const roomBelow = maxBottom - below;
  const roomAbove = above - minTop;
  const fitsBelow = size.height <= roomBelow;
  const fitsAbove = size.height <= roomAbove;
  const side =
    (prefer === 'above' && fitsAbove) || (!fitsBelow && (fitsAbove || roomAbove > roomBelow))
      ? 'above'
      : 'below';
  // Too tall for either side: capped to the room there, yet never below a usable height (it
  // then covers part of the selection, which stays tinted) nor above what the bounds can show.
  const room = side === 'below' ? roomBelow : roomAbove;
  const usable = Math.min(MIN_USABLE_HEIGHT, maxBottom - minTop);
  const maxHeight = Math.max(room, usable);
  const height = Math.min(size.height, maxHeight);
  const wanted = side === 'below' ? below : above - height;
  const top = clamp(wanted, minTop, maxBottom - height);
  const left = clamp(last.left, bounds.left + margin, bounds.right - margin - size.width);
  return { top, left, maxHeight, side };
}

/** `value` within [min, max]; `min` wins when the range is empty (a too-small window). */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
