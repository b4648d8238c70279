import type { Span } from '@kodbok/core';

/*
 * DOM ⇄ text offsets. The document text is rendered as consecutive <span data-start="N"> runs,
 * each holding exactly one text node, as the only children of the text container; decorations
 * (badges, stripes) are pseudo-elements or live outside it. So a DOM point maps to
 * run start + offset in its text node, and back by a binary search over the runs. See README.md.
 */

function runStart(el: Element): number {
  return Number((el as HTMLElement).dataset.start);
}

/** The UTF-16 offset of a DOM point inside `container`, or null when the point is outside. */
export function offsetOfPoint(container: HTMLElement, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null;
  const length = Number(container.dataset.length);
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement;
    return run && run !== container ? runStart(run) + offset : null;
  }
  if (node === container) {
    const child = container.children[offset];
    return child ? runStart(child) : length;
  }
  // A point inside a run element itself: before (0) or after (1) its only text node.
  const run = node as Element;
  return offset === 0 ? runStart(run) : runStart(run) + (run.textContent?.length ?? 0);
}

/** The current selection as a span of the text, clamped to the container; null when collapsed. */
export function selectedSpan(container: HTMLElement): Span | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const whole = document.createRange();
  whole.selectNodeContents(container);
  // A drag that starts or ends outside the text still selects the text part of it.
  const startsBefore = range.compareBoundaryPoints(Range.START_TO_START, whole) <= 0;
  const endsAfter = range.compareBoundaryPoints(Range.END_TO_END, whole) >= 0;
  const start = startsBefore
    ? 0
    : offsetOfPoint(container, range.startContainer, range.startOffset);
  const end = endsAfter
    ? Number(container.dataset.length)
    : offsetOfPoint(container, range.endContainer, range.endOffset);
  if (start === null || end === null || start >= end) return null;
  return { start, end };
}

/** The collapsed caret's offset, for "Enter selects the highlight under the caret". */
export function caretOffset(container: HTMLElement): number | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  return offsetOfPoint(container, selection.focusNode!, selection.focusOffset);
}

/** The text node and local offset holding document offset `offset` (binary search over runs). */
function pointAt(
  container: HTMLElement,
  offset: number,
  preferEnd: boolean,
): [Node, number] | null {
  const runs = container.children;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = runStart(runs[mid]!);
    // An end offset on a run boundary belongs to the run before, so rects do not spill a line.
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const run = runs[lo];
  const text = run?.firstChild;
  if (!run || !text) return null;
  return [text, Math.min(offset - runStart(run), text.textContent?.length ?? 0)];
}

/** A DOM Range over [start, end) of the text, for measuring rects or restoring a selection. */
export function rangeForSpan(container: HTMLElement, span: Span): Range | null {
  const from = pointAt(container, span.start, false);
  const to = pointAt(container, span.end, true);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  return range;
}

/** Rects of a span relative to `origin`, the positioned element overlays are placed in. */
export function spanRects(container: HTMLElement, origin: HTMLElement, span: Span): DOMRect[] {
  const range = rangeForSpan(container, span);
  if (!range) return [];
  const base = origin.getBoundingClientRect();
  return [...range.getClientRects()]
    .filter((r) => r.width > 0)
    .map((r) => new DOMRect(r.left - base.left, r.top - base.top, r.width, r.height));
}

/**
 * Vertical extents of the runs, measured lazily once each: `extent(offset, 'top')` is the top of
 * the run starting at or containing `offset`, `extent(offset, 'bottom')` the bottom of the run
 * ending there. Relative to `originTop`. Used to draw stripes without a Range per highlight.
 */
export function runExtents(container: HTMLElement, originTop: number) {
  const runs = container.children;
  // Read every run's start once: thousands of bars each binary-searching through DOM datasets
  // cost more than drawing them.
  const starts = Array.from(runs, runStart);
  const cache = new Map<number, DOMRect>();
  const rectOf = (i: number) => {
    let r = cache.get(i);
    if (!r) {
      r = runs[i]!.getBoundingClientRect();
      cache.set(i, r);
    }
    return r;
  };
  const indexOf = (offset: number, preferEnd: boolean) => {
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const start = starts[mid]!;
      if (start < offset || (!preferEnd && start === offset)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return (offset: number, side: 'top' | 'bottom'): number | null => {
    if (runs.length === 0) return null;
    const rect = rectOf(indexOf(offset, side === 'bottom'));
    return (side === 'top' ? rect.top : rect.bottom) - originTop;
  };
}
