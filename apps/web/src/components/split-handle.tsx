import { useRef, useState, type RefObject } from 'react';
import { clampSplit, splitAt, splitByKey, storedSplit, type SplitBounds } from '../lib/split';

/**
 * The share of a column its first pane takes, remembered per `storageKey` in this browser. The
 * value is applied by the caller (as a CSS size); the handle changes it.
 */
export function useSplit(storageKey: string, bounds: SplitBounds & { initial: number }) {
  const [value, setValue] = useState(() =>
    storedSplit(readStorage(storageKey), bounds.initial, bounds),
  );
  const set = (next: number) => {
    const v = clampSplit(next, bounds);
    setValue(v);
    writeStorage(storageKey, String(v));
  };
  return [value, set] as const;
}

/**
 * A horizontal window splitter (WAI-ARIA): drag it, or focus it and use the arrow keys, Home and
 * End. `container` is the element whose height the split divides.
 */
export function SplitHandle({
  label,
  value,
  onChange,
  bounds,
  container,
  controls,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  bounds: SplitBounds;
  container: RefObject<HTMLElement | null>;
  /** The id of the pane the handle sizes. */
  controls: string;
}) {
  const dragging = useRef(false);
  return (
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-controls={controls}
      aria-valuemin={bounds.min}
      aria-valuemax={bounds.max}
      aria-valuenow={Math.round(value)}
      tabIndex={0}
      className="split-handle"
      onKeyDown={(e) => {
        const next = splitByKey(e.key, value, bounds);
        if (next === null) return;
        e.preventDefault();
        onChange(next);
      }}
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        const box = container.current?.getBoundingClientRect();
        if (!dragging.current || !box) return;
        onChange(splitAt(e.clientY, box.top, box.height, bounds));
      }}
      onPointerUp={() => (dragging.current = false)}
      onPointerCancel={() => (dragging.current = false)}
    />
  );
}

// Storage can be off (private windows, policies): the split then lasts for the page only.
function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}
function writeStorage(key: string, value: string) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Not remembered; nothing is lost.
  }
}
