import { indexAt } from './dom-offsets';

/**
 * Vertical extents of the text, for drawing stripes without a Range per highlight:
 * `extent(offset, 'top')` is the top of the run starting at or containing `offset`,
 * `extent(offset, 'bottom')` the bottom of the run ending there, relative to `originTop`.
 *
 * Only chunks the browser has rendered are measured run by run. A chunk skipped by
 * `content-visibility: auto` (off screen) has no layout inside: measuring a run there would force
 * one, which is the cost skipping avoids. Its box has an estimated or remembered size, and an
 * offset inside it is placed proportionally; useStripes draws again when a chunk is rendered.
 */
export function runExtents(container: HTMLElement, originTop: number) {
  const chunks = Array.from(container.children as HTMLCollectionOf<HTMLElement>);
  // Read every start once: thousands of bars each binary-searching through DOM datasets cost
  // more than drawing them.
  const chunkStarts = chunks.map((c) => Number(c.dataset.chunkStart));
  const measured = new Map<number, Measured | null>();
  const chunkAt = (i: number) => {
    let m = measured.get(i);
    if (m === undefined) {
      m = measure(chunks[i]!);
      measured.set(i, m);
    }
    return m;
  };
  return (offset: number, side: 'top' | 'bottom'): number | null => {
    if (chunks.length === 0) return null;
    const preferEnd = side === 'bottom';
    const i = indexAt((j) => chunkStarts[j]!, chunks.length, offset, preferEnd);
    const m = chunkAt(i);
    if (!m) {
      const chunk = chunks[i]!;
      const box = chunk.getBoundingClientRect();
      const start = chunkStarts[i]!;
      const share = (offset - start) / Math.max(1, Number(chunk.dataset.chunkEnd) - start);
      return box.top + box.height * Math.min(Math.max(share, 0), 1) - originTop;
    }
    const rect = m.rect(indexAt((j) => m.starts[j]!, m.starts.length, offset, preferEnd));
    return (side === 'top' ? rect.top : rect.bottom) - originTop;
  };
}

interface Measured {
  starts: number[];
  rect: (run: number) => DOMRect;
}

/** Run starts and lazily measured run boxes of a rendered chunk; null while it is skipped. */
function measure(chunk: HTMLElement): Measured | null {
  const runs = chunk.children;
  const first = runs[0];
  if (!first || !first.checkVisibility({ contentVisibilityAuto: true })) return null;
  const starts = Array.from(runs, (r) => Number((r as HTMLElement).dataset.start));
  const cache = new Map<number, DOMRect>();
  return {
    starts,
    rect: (i) => {
      let r = cache.get(i);
      if (!r) {
        r = runs[i]!.getBoundingClientRect();
        cache.set(i, r);
      }
      return r;
    },
  };
}
