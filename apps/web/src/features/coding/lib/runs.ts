import type { Code, Highlight } from '@kodbok/contracts';
import { estimateLines, segmentize, type Span } from '@kodbok/core';

/** One rendered piece of the document: text covered by exactly the same highlights. */
export interface Run {
  start: number;
  text: string;
  /** Space-separated highlight ids (CSS `~=` selectors match single ids in it). */
  highlightIds: string;
  /** Space-separated ids of every code on those highlights, for codebook-hover emphasis. */
  codeIds: string;
  /** Stacked translucent tints, one layer per highlight, so overlaps read darker. */
  background: string | undefined;
  /** How many distinct codes start here; shown as a badge when two or more. */
  badge: number;
  /** Code names, for the hover tooltip: colour is never the only cue. */
  title: string | undefined;
}

const UNKNOWN_CODE_COLOR = '#8C959F';
/** Hex alpha per highlight layer: about 0.25, light enough that three layers stay readable. */
const TINT_ALPHA = '40';

export function highlightColor(highlight: Highlight, codes: ReadonlyMap<string, Code>): string {
  const first = highlight.codeIds[0];
  return (first && codes.get(first)?.color) || UNKNOWN_CODE_COLOR;
}

/** A block of the document (see chunkText()): its runs, and a height estimate in lines. */
export interface Chunk {
  start: number;
  end: number;
  lines: number;
  runs: Run[];
}

/** Characters per line for the height estimate of a chunk not laid out yet (70ch, 17 px). */
const CHARS_PER_LINE = 80;

/**
 * Flattens overlapping highlights into runs via segmentize(), cut again at chunk edges so each
 * chunk holds whole runs. Pure and O(runs × depth), so the caller memoises it on (text,
 * highlights, codes) and hover or selection never recompute it.
 */
export function buildChunks(
  text: string,
  chunks: readonly Span[],
  highlights: readonly Highlight[],
  codes: ReadonlyMap<string, Code>,
): Chunk[] {
  const runs = buildRuns(
    text,
    highlights,
    codes,
    chunks.map((c) => c.start),
  );
  let r = 0;
  return chunks.map((c) => {
    const from = r;
    while (r < runs.length && runs[r]!.start < c.end) r++;
    const slice = text.slice(c.start, c.end);
    return { ...c, lines: estimateLines(slice, CHARS_PER_LINE), runs: runs.slice(from, r) };
  });
}

function buildRuns(
  text: string,
  highlights: readonly Highlight[],
  codes: ReadonlyMap<string, Code>,
  cuts: readonly number[],
): Run[] {
  // Per highlight once, not per run it covers: its tint layer and its codes.
  const paint = new Map(
    highlights.map((h) => {
      const c = `${highlightColor(h, codes)}${TINT_ALPHA}`;
      return [h.id, { layer: `linear-gradient(${c}, ${c})`, codeIds: h.codeIds }];
    }),
  );
  let previousCodes = '';
  return splitAt(segmentize(text.length, highlights), cuts).map((segment) => {
    const covering = segment.ids.map((id) => paint.get(id)!);
    const codeIds = (
      covering.length === 1
        ? covering[0]!.codeIds
        : [...new Set(covering.flatMap((p) => p.codeIds))]
    ).join(' ');
    const badge =
      codeIds !== previousCodes && codeIds.includes(' ') ? codeIds.split(' ').length : 0;
    previousCodes = codeIds;
    return {
      start: segment.start,
      text: text.slice(segment.start, segment.end),
      highlightIds: segment.ids.join(' '),
      codeIds,
      background: covering.length === 0 ? undefined : covering.map((p) => p.layer).join(', '),
      badge,
      title: codeIds
        ? codeIds
            .split(' ')
            .map((id) => codes.get(id)?.name ?? '…')
            .join(', ')
        : undefined,
    };
  });
}

/** Cuts the segments again at the sorted offsets `cuts`, so no segment straddles one. */
function splitAt<S extends Span>(segments: readonly S[], cuts: readonly number[]): S[] {
  const out: S[] = [];
  let c = 0;
  for (const segment of segments) {
    let start = segment.start;
    while (c < cuts.length && cuts[c]! <= start) c++;
    while (c < cuts.length && cuts[c]! < segment.end) {
      out.push({ ...segment, start, end: cuts[c]! });
      start = cuts[c++]!;
    }
    out.push(start === segment.start ? segment : { ...segment, start });
  }
  return out;
}

/** The highlights covering `offset`, innermost (shortest) first: what a click there means. */
export function highlightsAt(highlights: readonly Highlight[], offset: number): Highlight[] {
  return highlights
    .filter((h) => h.start <= offset && offset < h.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}
