import { useEffect, type RefObject } from 'react';
import type { Code, Highlight } from '@kodbok/contracts';
import { assignLanes } from '@kodbok/core';
import { runExtents } from '../lib/dom-offsets';

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
      const fragment = document.createDocumentFragment();
      for (const bar of bars) {
        const top = extent(bar.start, 'top');
        const bottom = extent(bar.end, 'bottom');
        if (top === null || bottom === null) continue;
        const lane = Math.min(lanes.get(bar.id) ?? 0, MAX_LANES - 1);
        const code = codes.get(bar.codeId);
        const div = document.createElement('div');
        div.className = 'stripe';
        div.dataset.highlightIds = bar.h.id;
        div.dataset.codeIds = bar.codeId;
        div.title = `${code?.name ?? 'Unknown code'} — “${bar.h.quote.slice(0, 80)}${bar.h.quote.length > 80 ? '…' : ''}”`;
        div.style.cssText = `top:${top}px;height:${Math.max(bottom - top, 4)}px;right:${4 + lane * LANE_STEP}px;background:${code?.color ?? '#8c959f'}`;
        fragment.append(div);
      }
      layer.replaceChildren(fragment);
    };
    // After paint: the new tint shows first, the stripes follow a frame later.
    let frame = requestAnimationFrame(draw);
    // Re-wrapping on a width change moves every line: measure again.
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(draw);
    });
    observer.observe(text);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [layerRef, textRef, highlights, codes]);
}
