import type { Code, Highlight } from '@kodbok/contracts';
import { chunkText, estimateLines, type Span } from '@kodbok/core';
import { buildRuns, type Run } from './runs';
import type { CoderMark } from './coder-marks';

/** A block of the document (see chunkText()): its runs, and a height estimate in lines. */
export interface Chunk {
  start: number;
  end: number;
  lines: number;
  runs: readonly Run[];
}

/** Characters per line for the height estimate of a chunk not laid out yet (70ch, 17 px). */
const CHARS_PER_LINE = 80;

/**
 * The chunks of one text, rebuilt per highlight change for the chunks whose highlights changed
 * only. A coding action replaces one highlight object among thousands (the cache keeps the rest),
 * so the others keep the same Chunk object: no runs rebuilt, and React skips them by identity.
 * Returns the same chunks as building every chunk afresh.
 */
export function createChunkBuilder(text: string) {
  const spans = chunkText(text);
  let previous: {
    codes: ReadonlyMap<string, Code>;
    marks: ReadonlyMap<string, CoderMark> | null;
    buckets: Highlight[][];
    chunks: Chunk[];
  } | null = null;
  return (
    highlights: readonly Highlight[],
    codes: ReadonlyMap<string, Code>,
    marks: ReadonlyMap<string, CoderMark> | null = null,
  ): Chunk[] => {
    const buckets = bucket(spans, highlights);
    const same = previous?.codes === codes && previous.marks === marks;
    const chunks = spans.map((span, i) => {
      const before = same ? previous : null;
      if (before && sameItems(before.buckets[i]!, buckets[i]!)) return before.chunks[i]!;
      return {
        ...span,
        lines: estimateLines(text.slice(span.start, span.end), CHARS_PER_LINE),
        runs: buildRuns(text, span, buckets[i]!, codes, marks),
      };
    });
    previous = { codes, marks, buckets, chunks };
    return chunks;
  };
}

/**
 * For each chunk, the highlights that overlap it or cover the character before it (see
 * buildRuns), in their given order. Each highlight goes to the few chunks it touches.
 */
function bucket(spans: readonly Span[], highlights: readonly Highlight[]): Highlight[][] {
  const buckets = spans.map((): Highlight[] => []);
  for (const h of highlights) {
    if (h.end <= h.start) continue;
    // The first chunk whose text or preceding character h covers: the last starting at or before it.
    let lo = 0;
    let hi = spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (spans[mid]!.start <= h.start) lo = mid;
      else hi = mid - 1;
    }
    for (let i = lo; i < spans.length && spans[i]!.start <= h.end; i++) buckets[i]!.push(h);
  }
  return buckets;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
