import type { Code, Highlight } from '@kodbok/contracts';
import { segmentize } from '@kodbok/core';

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

/**
 * Flattens overlapping highlights into runs via segmentize(). Pure and O(runs × depth), so the
 * caller memoises it on (text, highlights, codes) and hover or selection never recompute it.
 */
export function buildRuns(
  text: string,
  highlights: readonly Highlight[],
  codes: ReadonlyMap<string, Code>,
): Run[] {
  // Per highlight once, not per run it covers: its tint layer and its codes.
  const paint = new Map(
    highlights.map((h) => {
      const c = `${highlightColor(h, codes)}${TINT_ALPHA}`;
      return [h.id, { layer: `linear-gradient(${c}, ${c})`, codeIds: h.codeIds }];
    }),
  );
  let previousCodes = '';
  return segmentize(text.length, highlights).map((segment) => {
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

/** The highlights covering `offset`, innermost (shortest) first: what a click there means. */
export function highlightsAt(highlights: readonly Highlight[], offset: number): Highlight[] {
  return highlights
    .filter((h) => h.start <= offset && offset < h.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}
