import { segmentize, splitsSurrogatePair, type Span } from '@kodbok/core';

/** A highlight as far as lanes care: whose, which codes, where. */
export interface CodedSpan extends Span {
  coderId: string;
  codeIds: readonly string[];
}

/**
 * One coder's coding of one code as sorted, disjoint spans: the union of their highlights
 * carrying the code (two overlapping highlights of the same code read as one stretch).
 */
export function codingOf(
  highlights: readonly CodedSpan[],
  coderId: string,
  codeId: string,
): Span[] {
  const spans = highlights
    .filter((h) => h.coderId === coderId && h.codeIds.includes(codeId) && h.end > h.start)
    .map((h) => ({ start: h.start, end: h.end }))
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

export type Coverage = 'all' | 'part' | 'none';

/** How much of `region` the disjoint `spans` cover. */
export function coverage(spans: readonly Span[], region: Span): Coverage {
  let covered = 0;
  for (const s of spans)
    covered += Math.max(0, Math.min(s.end, region.end) - Math.max(s.start, region.start));
  if (covered === 0) return 'none';
  return covered >= region.end - region.start ? 'all' : 'part';
}

/**
 * The stretch of text a lane shows around a region: the region whole, plus up to `context`
 * characters each side, widened or narrowed to a word boundary and never splitting an emoji.
 */
export function contextWindow(text: string, region: Span, context = 120): Span {
  let start = Math.max(0, region.start - context);
  let end = Math.min(text.length, region.end + context);
  // Start after a space, end before one, when one is in reach (a cut word reads as noise).
  if (start > 0) {
    const space = text.slice(start, region.start).search(/\s/);
    if (space !== -1) start += space + 1;
  }
  if (end < text.length) {
    const tail = text.slice(region.end, end);
    const space = tail.search(/\s\S*$/);
    if (space !== -1) end = region.end + space;
  }
  if (splitsSurrogatePair(text, start)) start--;
  if (splitsSurrogatePair(text, end)) end++;
  return { start: Math.min(start, region.start), end: Math.max(end, region.end) };
}

export interface LaneRun extends Span {
  text: string;
  coded: boolean;
}

/** `window` of the text cut into runs coded or not by one lane's disjoint spans. */
export function laneRuns(text: string, window: Span, spans: readonly Span[]): LaneRun[] {
  const inside = spans
    .map((s, i) => ({
      id: String(i),
      start: Math.max(s.start, window.start) - window.start,
      end: Math.min(s.end, window.end) - window.start,
    }))
    .filter((s) => s.end > s.start);
  return segmentize(window.end - window.start, inside).map((seg) => ({
    start: window.start + seg.start,
    end: window.start + seg.end,
    text: text.slice(window.start + seg.start, window.start + seg.end),
    coded: seg.ids.length > 0,
  }));
}

export interface DocumentRun extends Span {
  text: string;
  /** Indices of the disagreement regions covering the run. */
  regions: number[];
  /** Per lane (each coder, then the consensus): the run is inside its coding. */
  lanes: boolean[];
}

/**
 * The whole text as runs for the review: where the disagreement regions lie and, per lane,
 * whether that lane's coding (of the code in focus) covers the run. Runs tile the text, so
 * their texts join back into it.
 */
export function documentRuns(
  text: string,
  regions: readonly Span[],
  lanes: ReadonlyArray<readonly Span[]>,
): DocumentRun[] {
  const spans = [
    ...regions.map((r, i) => ({ id: `r${i}`, start: r.start, end: r.end })),
    ...lanes.flatMap((spans, lane) =>
      spans.map((s, j) => ({ id: `l${lane}.${j}`, start: s.start, end: s.end })),
    ),
  ];
  return segmentize(text.length, spans).map((seg) => {
    const covered = new Set(
      seg.ids.filter((id) => id.startsWith('l')).map((id) => Number(id.slice(1).split('.')[0])),
    );
    return {
      start: seg.start,
      end: seg.end,
      text: text.slice(seg.start, seg.end),
      regions: seg.ids.filter((id) => id.startsWith('r')).map((id) => Number(id.slice(1))),
      lanes: lanes.map((_, lane) => covered.has(lane)),
    };
  });
}

/** A one-line quote of `span` for lists: whitespace collapsed, cut at `max` with an ellipsis. */
export function excerpt(text: string, span: Span, max = 90): string {
  const quote = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  if (quote.length <= max) return quote;
  let cut = max - 1;
  if (splitsSurrogatePair(quote, cut)) cut--;
  return `${quote.slice(0, cut).trimEnd()}…`;
}
