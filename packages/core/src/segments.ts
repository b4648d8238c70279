import type { Span } from './offsets';

/** A maximal run of text covered by the same set of highlights. */
export interface Segment {
  start: number;
  end: number;
  /** Ids of the highlights covering this run, in the order the highlights were given. */
  ids: string[];
}

/**
 * Cuts `[0, length)` at every highlight boundary, so overlapping and nested highlights can be
 * rendered as flat runs of text, each knowing every highlight it belongs to.
 * Runs in O((n + b) log b) for n highlights and b boundaries; uncovered runs have `ids: []`.
 */
export function segmentize(length: number, spans: ReadonlyArray<Span & { id: string }>): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const s of spans) {
    // An empty (or inverted, or out-of-text) span covers nothing, so it must not cut a run.
    if (clamp(s.end, length) <= clamp(s.start, length)) continue;
    cuts.add(clamp(s.start, length));
    cuts.add(clamp(s.end, length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const opening = groupBy(spans, (s) => clamp(s.start, length));
  const order = new Map(spans.map((s, i) => [s.id, i]));
  const active = new Map<string, number>();
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    for (const [id, spanEnd] of active) if (spanEnd <= start) active.delete(id);
    for (const s of opening.get(start) ?? []) if (s.end > start) active.set(s.id, s.end);
    const ids = [...active.keys()].sort((a, b) => order.get(a)! - order.get(b)!);
    segments.push({ start, end, ids });
  }
  return segments;
}

function clamp(n: number, length: number) {
  return Math.min(Math.max(n, 0), length);
}

function groupBy<T>(items: readonly T[], key: (t: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * Gives each span a lane (0, 1, 2…) so that spans sharing a lane never overlap: the layout of
 * coding stripes in the margin, one thin bar per lane. Greedy interval colouring by start, which
 * uses the minimum number of lanes (the maximum overlap depth).
 */
export function assignLanes(spans: ReadonlyArray<Span & { id: string }>): Map<string, number> {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const laneEnds: number[] = [];
  const lanes = new Map<string, number>();
  for (const s of sorted) {
    let lane = laneEnds.findIndex((end) => end <= s.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = s.end;
    lanes.set(s.id, lane);
  }
  return lanes;
}
