import { useEffect, type RefObject } from 'react';
import type { Code, Highlight } from '@kodbok/contracts';
import { assignLanes } from '@kodbok/core';
import { runExtents } from '../lib/run-extents';

const LANE_STEP = 5;
const MAX_LANES = 8;

/**
 * Draws the coding stripes: one thin bar per (highlight, code) pair, laid out in lanes by
 * assignLanes() and spanning the lines the passage covers. The bars are plain DOM written here,
 * not React elements: thousands of measured boxes would otherwise re-render on every resize.
 */
export function useStripes(
  layerRef: RefObject<HTMLDivElement | null>,
  textRef: RefObject<HTMLDivElement | null>,
  highlights: readonly Highlight[],
  codes: ReadonlyMap<string, Code>,
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
        h,
        codeId,
      })),
    );
    const lanes = assignLanes(bars);
    const draw = () => {
      const origin = layer.getBoundingClientRect();
      // One bounding box per run (not per highlight): an inline box spans all its lines.
      const extent = runExtents(text, origin.top);
      const wanted = new Map<string, { css: string; title: string; bar: (typeof bars)[number] }>();
      for (const bar of bars) {
        const top = extent(bar.start, 'top');
        const bottom = extent(bar.end, 'bottom');
        if (top === null || bottom === null) continue;
        const lane = Math.min(lanes.get(bar.id) ?? 0, MAX_LANES - 1);
        const code = codes.get(bar.codeId);
        const quote = bar.h.quote;
        wanted.set(bar.id, {
          bar,
          css: `top:${top}px;height:${Math.max(bottom - top, 4)}px;right:${4 + lane * LANE_STEP}px;background:${code?.color ?? '#8c959f'}`,
          title: `${code?.name ?? 'Unknown code'} — “${quote.slice(0, 80)}${quote.length > 80 ? '…' : ''}”`,
        });
      }
      syncStripes(layer, wanted);
    };
    // After paint: the new tint shows first, the stripes follow a frame later.
    let frame = requestAnimationFrame(draw);
    const redraw = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(draw);
    };
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
      cancelAnimationFrame(frame);
      observer.disconnect();
      text.removeEventListener('contentvisibilityautostatechange', shown, true);
    };
  }, [layerRef, textRef, highlights, codes]);
}

/** The css each stripe was given (the browser normalises cssText, so it can't be compared). */
const drawn = new WeakMap<HTMLElement, string>();

/**
 * Brings the layer to the wanted stripes, touching only what changed: coding one passage
 * among thousands then costs one new element, not thousands rebuilt and repainted.
 */
function syncStripes(
  layer: HTMLElement,
  wanted: ReadonlyMap<
    string,
    { css: string; title: string; bar: { h: Highlight; codeId: string } }
  >,
) {
  for (const div of [...layer.children] as HTMLElement[]) {
    const want = div.dataset.key === undefined ? undefined : wanted.get(div.dataset.key);
    if (!want) div.remove();
  }
  const present = new Set(
    ([...layer.children] as HTMLElement[]).map((div) => {
      const want = wanted.get(div.dataset.key!)!;
      if (drawn.get(div) !== want.css) {
        div.style.cssText = want.css;
        drawn.set(div, want.css);
      }
      if (div.title !== want.title) div.title = want.title;
      return div.dataset.key!;
    }),
  );
  const fragment = document.createDocumentFragment();
  for (const [key, want] of wanted) {
    if (present.has(key)) continue;
    const div = document.createElement('div');
    div.className = 'stripe';
    div.dataset.key = key;
    div.dataset.highlightIds = want.bar.h.id;
    div.dataset.codeIds = want.bar.codeId;
    div.title = want.title;
    div.style.cssText = want.css;
    drawn.set(div, want.css);
    fragment.append(div);
  }
  layer.append(fragment);
}
