import type { Span } from '@kodbok/core';

/*
 * DOM ⇄ text offsets. The document text is rendered as block chunks (<div data-chunk-start
 * data-chunk-end>), the only children of the text container, each holding consecutive
 * <span data-start="N"> runs with exactly one text node each; decorations (badges, stripes) are
 * pseudo-elements or live outside it. So a DOM point maps to run start + offset in its text
 * node, and back by a binary search over the chunks, then over the runs. See README.md.
 */

function runStart(el: Element): number {
  return Number((el as HTMLElement).dataset.start);
}

function chunkStart(el: Element): number {
  return Number((el as HTMLElement).dataset.chunkStart);
}

/** Where the text of a run, a chunk or the container itself ends. */
function endOf(el: HTMLElement): number {
  const { start, chunkEnd, length } = el.dataset;
  if (start !== undefined) return Number(start) + (el.textContent?.length ?? 0);
  return Number(chunkEnd ?? length);
}

/** The UTF-16 offset of a DOM point inside `container`, or null when the point is outside. */
export function offsetOfPoint(container: HTMLElement, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement;
    return run?.dataset.start !== undefined ? runStart(run) + offset : null;
  }
  const el = node as HTMLElement;
  // A point inside a run element itself: before (0) or after (1) its only text node.
  if (el.dataset.start !== undefined) return offset === 0 ? runStart(el) : endOf(el);
  // A point on the container or a chunk counts child elements: the start of the one after it.
  const child = el.children[offset] as HTMLElement | undefined;
  if (!child) return endOf(el);
  return child.dataset.start !== undefined ? runStart(child) : chunkStart(child);
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

/**
 * The index of the element holding `offset` among elements sorted by their start: the last that
 * starts before it. An offset on a boundary belongs to the element before when `preferEnd` (the
 * end of a span), so rects do not spill onto the next line.
 */
export function indexAt(
  starts: (i: number) => number,
  count: number,
  offset: number,
  preferEnd: boolean,
): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts(mid);
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The text node and local offset holding document offset `offset`. */
function pointAt(
  container: HTMLElement,
  offset: number,
  preferEnd: boolean,
): [Node, number] | null {
  const chunks = container.children;
  const chunk = chunks[indexAt((i) => chunkStart(chunks[i]!), chunks.length, offset, preferEnd)];
  if (!chunk) return null;
  const runs = chunk.children;
  const run = runs[indexAt((i) => runStart(runs[i]!), runs.length, offset, preferEnd)];
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
