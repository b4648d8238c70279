import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignLanes, segmentize, type Segment } from '../src/segments';

type IdSpan = { id: string; start: number; end: number };

/** Brute force: the ids covering character `i`, in the order the spans were given. */
function coverage(spans: readonly IdSpan[], i: number): string[] {
  return spans.filter((s) => s.start <= i && i < s.end).map((s) => s.id);
}

/** Spans with distinct ids; offsets may fall outside [0, length] and may be empty or inverted. */
const spansFor = (length: number, { validOnly = false } = {}) =>
  fc
    .array(
      fc.tuple(fc.integer({ min: -3, max: length + 3 }), fc.integer({ min: -3, max: length + 3 })),
      {
        maxLength: 8,
      },
    )
    .map((pairs) =>
      pairs
        .map(([start, end], i) => ({ id: `h${i}`, start, end }))
        .filter((s) => !validOnly || (0 <= s.start && s.start < s.end && s.end <= length)),
    );

const textAndSpans = (options?: { validOnly?: boolean }) =>
  fc.nat(30).chain((length) => fc.tuple(fc.constant(length), spansFor(length, options)));

function expectTiling(segments: Segment[], length: number) {
  if (length === 0) return expect(segments).toEqual([]);
  expect(segments.map((s) => s.start)).toEqual([0, ...segments.slice(0, -1).map((s) => s.end)]);
  expect(segments.at(-1)!.end).toBe(length);
  for (const s of segments) expect(s.start).toBeLessThan(s.end);
}

describe('segmentize', () => {
  it('cuts nested and overlapping highlights into runs', () => {
    // 0         1         2
    // 0123456789012345678901234
    // outer: [2, 20); inner: [5, 10); tail: [8, 24)
    const spans = [
      { id: 'outer', start: 2, end: 20 },
      { id: 'inner', start: 5, end: 10 },
      { id: 'tail', start: 8, end: 24 },
    ];
    expect(segmentize(25, spans)).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: ['outer'] },
      { start: 5, end: 8, ids: ['outer', 'inner'] },
      { start: 8, end: 10, ids: ['outer', 'inner', 'tail'] },
      { start: 10, end: 20, ids: ['outer', 'tail'] },
      { start: 20, end: 24, ids: ['tail'] },
      { start: 24, end: 25, ids: [] },
    ]);
  });

  it('gives one uncovered run for a text without highlights, and none for an empty text', () => {
    expect(segmentize(7, [])).toEqual([{ start: 0, end: 7, ids: [] }]);
    expect(segmentize(0, [])).toEqual([]);
  });

  it('lists ids in the order the highlights were given, not by start', () => {
    const spans = [
      { id: 'late', start: 3, end: 6 },
      { id: 'early', start: 0, end: 6 },
    ];
    expect(segmentize(6, spans).at(-1)!.ids).toEqual(['late', 'early']);
  });

  it('tiles the text with runs whose ids equal per-character coverage (property)', () => {
    fc.assert(
      fc.property(textAndSpans(), ([length, spans]) => {
        const segments = segmentize(length, spans);
        expectTiling(segments, length);
        for (const seg of segments)
          for (let i = seg.start; i < seg.end; i++) expect(seg.ids).toEqual(coverage(spans, i));
      }),
    );
  });

  it('makes runs maximal: neighbours differ in their highlights (property)', () => {
    fc.assert(
      fc.property(textAndSpans(), ([length, spans]) => {
        const segments = segmentize(length, spans);
        for (let k = 1; k < segments.length; k++)
          expect(segments[k]!.ids).not.toEqual(segments[k - 1]!.ids);
      }),
    );
  });

  it('runs concatenate back to the text, emoji and all', () => {
    const text = 'Vi är 👩🏽‍⚕️ “med” 同伴';
    const spans = [
      { id: 'a', start: 3, end: 13 },
      { id: 'b', start: 6, end: text.length },
    ];
    const runs = segmentize(text.length, spans).map((s) => text.slice(s.start, s.end));
    expect(runs.join('')).toBe(text);
    expect(runs).toContain('👩🏽‍⚕️');
  });
});

describe('assignLanes', () => {
  it('puts overlapping spans in different lanes and reuses a lane once it is free', () => {
    const lanes = assignLanes([
      { id: 'a', start: 0, end: 10 },
      { id: 'b', start: 5, end: 15 },
      { id: 'c', start: 10, end: 12 },
    ]);
    expect(lanes.get('a')).not.toBe(lanes.get('b'));
    expect(lanes.get('c')).toBe(lanes.get('a'));
  });

  it('never shares a lane between overlapping spans and uses as many lanes as the deepest overlap (property)', () => {
    fc.assert(
      fc.property(textAndSpans({ validOnly: true }), ([length, spans]) => {
        const lanes = assignLanes(spans);
        expect([...lanes.keys()].sort()).toEqual(spans.map((s) => s.id).sort());
        for (const a of spans)
          for (const b of spans)
            if (a !== b && a.start < b.end && b.start < a.end)
              expect(lanes.get(a.id)).not.toBe(lanes.get(b.id));
        let depth = 0;
        for (let i = 0; i < length; i++) depth = Math.max(depth, coverage(spans, i).length);
        const used = new Set(lanes.values()).size;
        expect(used).toBe(depth);
        expect([...lanes.values()].every((l) => l < depth)).toBe(true);
      }),
    );
  });
});
