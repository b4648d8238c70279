import type { Code, Highlight } from '@kodbok/contracts';
import { segmentize, stackTints, type Span } from '@kodbok/core';
import type { CoderMark } from './coder-marks';

/** One rendered piece of the document: text covered by exactly the same highlights. */
export interface Run {
  start: number;
  text: string;
  /** Space-separated highlight ids (CSS `~=` selectors match single ids in it). */
  highlightIds: string;
  /** Space-separated ids of every code on those highlights, for codebook-hover emphasis. */
  codeIds: string;
  /**
   * The translucent tints of its highlights stacked, so overlaps read darker: one colour that
   * looks the same (see stackTints), painted as a cheap background-color.
   */
  tint: string | undefined;
  /** How many distinct codes start here; shown as a badge when two or more. */
  badge: number;
  /** Code names (and memos), for the hover tooltip: colour is never the only cue. */
  title: string | undefined;
  /**
   * With several coders shown: the initials of the coders whose highlights start in this run,
   * shown as a badge there (see CoderMark); undefined otherwise.
   */
  coderMarks: string | undefined;
}

const UNKNOWN_CODE_COLOR = '#8C959F';
/** Alpha per highlight layer: about 0.25, light enough that three layers stay readable. */
const TINT_ALPHA = 0x40;

export function highlightColor(highlight: Highlight, codes: ReadonlyMap<string, Code>): string {
  const first = highlight.codeIds[0];
  return (first && codes.get(first)?.color) || UNKNOWN_CODE_COLOR;
}

/** The distinct codes of some highlights, in order: what a run's `codeIds` holds. */
function codesOf(covering: readonly Highlight[]): string {
  return (
    covering.length === 1 ? covering[0]!.codeIds : [...new Set(covering.flatMap((h) => h.codeIds))]
  ).join(' ');
}

/**
 * Flattens overlapping highlights into the runs of `[span.start, span.end)` via segmentize().
 * `highlights` are those overlapping the span and any covering the character before it (whose
 * codes decide whether the first run shows a badge), in document order. Pure and
 * O(runs × depth); the chunk builder calls it only for chunks whose highlights changed.
 * With `marks` (several coders shown), runs also say whose highlights start in them, and the
 * tooltip names each highlight's coder.
 */
export function buildRuns(
  text: string,
  span: Span,
  highlights: readonly Highlight[],
  codes: ReadonlyMap<string, Code>,
  marks: ReadonlyMap<string, CoderMark> | null = null,
): Run[] {
  const byId = new Map(highlights.map((h) => [h.id, h]));
  const shifted = highlights.map((h) => ({
    id: h.id,
    start: h.start - span.start,
    end: h.end - span.start,
  }));
  let previousCodes = codesOf(
    highlights.filter((h) => h.start < span.start && h.end >= span.start),
  );
  return segmentize(span.end - span.start, shifted).map((segment) => {
    const covering = segment.ids.map((id) => byId.get(id)!);
    const codeIds = codesOf(covering);
    const start = span.start + segment.start;
    const badge =
      codeIds !== previousCodes && codeIds.includes(' ') ? codeIds.split(' ').length : 0;
    previousCodes = codeIds;
    return {
      start,
      text: text.slice(start, span.start + segment.end),
      highlightIds: segment.ids.join(' '),
      codeIds,
      tint:
        covering.length === 0
          ? undefined
          : stackTints(
              covering.map((h) => highlightColor(h, codes)),
              TINT_ALPHA,
            ),
      badge,
      title: withMemos(
        marks ? coderTitle(covering, codes, marks) : codeTitle(codeIds, codes),
        covering,
      ),
      coderMarks: marks ? startingMarks(covering, start, marks) : undefined,
    };
  });
}

function codeTitle(codeIds: string, codes: ReadonlyMap<string, Code>): string | undefined {
  if (!codeIds) return undefined;
  return codeIds
    .split(' ')
    .map((id) => codes.get(id)?.name ?? '…')
    .join(', ');
}

const MEMO_IN_TITLE = 200;

/** The tooltip, then each covering highlight's memo on a line of its own ("Memo: …"). */
function withMemos(title: string | undefined, covering: readonly Highlight[]): string | undefined {
  const memos = covering
    .filter((h) => h.memo)
    .map((h) => {
      const memo = h.memo!;
      return `Memo: ${memo.length > MEMO_IN_TITLE ? `${memo.slice(0, MEMO_IN_TITLE)}…` : memo}`;
    });
  return memos.length === 0 ? title : [title, ...memos].filter(Boolean).join('\n');
}

/** "Stigma — Astrid Svensson (AS); Role clarity — Bo Karlsson (Bo)". */
function coderTitle(
  covering: readonly Highlight[],
  codes: ReadonlyMap<string, Code>,
  marks: ReadonlyMap<string, CoderMark>,
): string | undefined {
  if (covering.length === 0) return undefined;
  return covering
    .map((h) => {
      const names = h.codeIds.map((id) => codes.get(id)?.name ?? '…').join(', ');
      const mark = marks.get(h.coderId);
      return `${names} — ${h.coderName}${mark ? ` (${mark.initials})` : ''}`;
    })
    .join('; ');
}

/** Initials of the coders with a highlight starting at `start`, each once, in mark order. */
function startingMarks(
  covering: readonly Highlight[],
  start: number,
  marks: ReadonlyMap<string, CoderMark>,
): string | undefined {
  const starting = new Set(covering.filter((h) => h.start === start).map((h) => h.coderId));
  if (starting.size === 0) return undefined;
  const initials = [...marks.values()]
    .filter((m) => starting.has(m.coderId))
    .map((m) => m.initials);
  return initials.length > 0 ? initials.join(' ') : undefined;
}

/** The highlights covering `offset`, innermost (shortest) first: what a click there means. */
export function highlightsAt(highlights: readonly Highlight[], offset: number): Highlight[] {
  return highlights
    .filter((h) => h.start <= offset && offset < h.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}
