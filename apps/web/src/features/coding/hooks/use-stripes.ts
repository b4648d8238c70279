import { useEffect, type RefObject } from 'react';
import type { Code, Highlight } from '@kodbok/contracts';
import { runExtents } from '../lib/run-extents';
import { coderLanes, stripeBackground, type CoderMark } from '../lib/coder-marks';

const LANE_STEP = 5;
const MAX_LANES = 8;

/**
 * Draws the coding stripes: one thin bar per (highlight, code) pair, laid out in lanes by
 * assignLanes() and spanning the lines the passage covers. With several coders shown (`marks`),
 * each coder's bars keep to a band of lanes of their own and are drawn in their pattern. The bars
 * are plain DOM written here, not React elements: thousands of measured boxes would otherwise
 * re-render on every resize. A highlight with a memo gets a note mark in the margin too.
 */
export function useStripes(
  layerRef: RefObject<HTMLDivElement | null>,
  textRef: RefObject<HTMLDivElement | null>,
  highlights: readonly Highlight[],
  codes: ReadonlyMap<string, Code>,
  marks: ReadonlyMap<string, CoderMark> | null,
) {
  useEffect(() => {
    const layer = layerRef.current;
    const text = textRef.current;
    if (!layer || !text) return;
    const bars = highlights.flatMap((h) =>
      h.codeIds.map((codeId) => ({
        id: `${h.id} ${codeId}`,
        start: h.start,
        end: h.end,
        coderId: h.coderId,
        h,
        codeId,
      })),
    );
    const lanes = coderLanes(bars, marks);
    // What does not depend on layout, once per change rather than once per draw (scrolling draws).
    const looks = new Map(
      bars.map((bar) => {
        const lane = Math.min(lanes.get(bar.id) ?? 0, MAX_LANES - 1);
        const code = codes.get(bar.codeId);
        const quote = bar.h.quote;
        const mark = marks?.get(bar.coderId);
        const coder = mark ? ` — ${mark.name} (${mark.initials})` : '';
        const background = stripeBackground(code?.color ?? '#8c959f', mark?.pattern);
        return [
          bar.id,
          {
            css: `;right:${4 + lane * LANE_STEP}px;background:${background}`,
            title: `${code?.name ?? 'Unknown code'}${coder} — “${quote.slice(0, 80)}${quote.length > 80 ? '…' : ''}”`,
          },
        ];
      }),
    );
    const memos = highlights.filter((h) => h.memo);
    const draw = () => {
      const origin = layer.getBoundingClientRect();
      // One bounding box per run (not per highlight): an inline box spans all its lines.
      const extent = runExtents(text, origin.top);
      const wanted = new Map<string, Wanted>();
      for (const bar of bars) {
        const top = extent(bar.start, 'top');
        const bottom = extent(bar.end, 'bottom');
        if (top === null || bottom === null) continue;
        const look = looks.get(bar.id)!;
        wanted.set(bar.id, {
          className: 'stripe',
          highlightId: bar.h.id,
          codeId: bar.codeId,
          css: `top:${top}px;height:${Math.max(bottom - top, 4)}px${look.css}`,
          title: look.title,
        });
      }
      // A highlight with a memo: a note mark in the margin at its first line, the memo its tooltip.
      for (const h of memos) {
        const top = extent(h.start, 'top');
        if (top === null) continue;
        wanted.set(`memo ${h.id}`, {
          className: 'memo-mark',
          highlightId: h.id,
          css: `top:${top + 3}px`,
          title: memoTooltip(h.memo!),
        });
      }
      syncStripes(layer, wanted);
    };
    // After paint (a task queued from the frame's animation callbacks): the new tint is painted
    // first, the stripes follow, and measuring them does not delay that paint.
    let frame = 0;
    let timer = 0;
    const redraw = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      frame = requestAnimationFrame(() => {
        timer = window.setTimeout(draw);
      });
    };
    redraw();
    // Re-wrapping on a width change moves every line, and a chunk laid out for the first time
    // replaces its estimated height: measure again.
    const observer = new ResizeObserver(redraw);
    observer.observe(text);
    // Stripes beside a chunk skipped while off screen were placed by estimate (runExtents): place
    // them exactly once it is rendered. The event does not bubble, hence the capture listener.
    const shown = (e: Event) => {
      if (!(e as ContentVisibilityAutoStateChangeEvent).skipped) redraw();
    };
    text.addEventListener('contentvisibilityautostatechange', shown, true);
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      observer.disconnect();
      text.removeEventListener('contentvisibilityautostatechange', shown, true);
    };
  }, [layerRef, textRef, highlights, codes, marks]);
}

/** What one element of the margin layer should be: a code's stripe or a memo mark. */
interface Wanted {
  className: 'stripe' | 'memo-mark';
  highlightId: string;
  codeId?: string;
  css: string;
  title: string;
}

const MEMO_TOOLTIP = 300;
function memoTooltip(memo: string): string {
  return `Memo: ${memo.length > MEMO_TOOLTIP ? `${memo.slice(0, MEMO_TOOLTIP)}…` : memo}`;
}

interface Drawn {
  div: HTMLElement;
  /** The css it was given (the browser normalises cssText, so that can't be compared). */
  css: string;
  title: string;
}

/** What each layer shows, by stripe key: kept here so a redraw reads nothing back from the DOM. */
const drawnByLayer = new WeakMap<HTMLElement, Map<string, Drawn>>();

/**
 * Brings the layer to the wanted stripes, touching only what changed: coding one passage
 * among thousands then costs one new element, not thousands rebuilt and repainted.
 */
function syncStripes(layer: HTMLElement, wanted: ReadonlyMap<string, Wanted>) {
  let drawn = drawnByLayer.get(layer);
  if (!drawn) {
    drawn = new Map();
    drawnByLayer.set(layer, drawn);
    layer.replaceChildren();
  }
  for (const [key, d] of drawn) {
    if (wanted.has(key)) continue;
    d.div.remove();
    drawn.delete(key);
  }
  const fragment = document.createDocumentFragment();
  for (const [key, want] of wanted) {
    const d = drawn.get(key);
    if (d) {
      if (d.css !== want.css) d.div.style.cssText = d.css = want.css;
      if (d.title !== want.title) d.div.title = d.title = want.title;
      continue;
    }
    const div = document.createElement('div');
    div.className = want.className;
    div.dataset.key = key;
    div.dataset.highlightIds = want.highlightId;
    if (want.codeId) div.dataset.codeIds = want.codeId;
    div.title = want.title;
    div.style.cssText = want.css;
    drawn.set(key, { div, css: want.css, title: want.title });
    fragment.append(div);
  }
  layer.append(fragment);
}
