/*
 * A two-pane split as a share of its container (the workspace's codebook above the highlight
 * details): kept within bounds so neither pane vanishes, moved by keys or by dragging, and
 * remembered as the user left it. No DOM: the hook measures, this decides.
 */

export interface SplitBounds {
  /** Smallest and largest share of the first pane, in percent. */
  min: number;
  max: number;
}

export const ASIDE_SPLIT: SplitBounds & { initial: number } = { min: 20, max: 80, initial: 55 };

export function clampSplit(value: number, bounds: SplitBounds): number {
  if (!Number.isFinite(value)) return bounds.min;
  return Math.round(Math.min(bounds.max, Math.max(bounds.min, value)) * 10) / 10;
}

/** The share a pointer at `y` gives, for a container from `top` of `height` pixels. */
export function splitAt(y: number, top: number, height: number, bounds: SplitBounds): number {
  if (height <= 0) return bounds.min;
  return clampSplit(((y - top) / height) * 100, bounds);
}

/** What a key does to the split, as for a WAI-ARIA window splitter; null: not a splitter key. */
export function splitByKey(key: string, value: number, bounds: SplitBounds): number | null {
  const step = 5;
  switch (key) {
    case 'ArrowUp':
      return clampSplit(value - step, bounds);
    case 'ArrowDown':
      return clampSplit(value + step, bounds);
    case 'Home':
      return bounds.min;
    case 'End':
      return bounds.max;
    default:
      return null;
  }
}

/** A remembered split, or `fallback` when none (or a broken one) is stored. */
export function storedSplit(raw: string | null, fallback: number, bounds: SplitBounds): number {
  if (raw === null || raw.trim() === '') return fallback;
  const n = Number(raw);
  return Number.isFinite(n) ? clampSplit(n, bounds) : fallback;
}
