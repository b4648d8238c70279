import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlapPairs, type PlacedCoding } from '../src/overlaps';

/* Co-occurrence by overlap against a recount over every pair of highlights. */

const byKey = (x: { a: string; b: string }, y: { a: string; b: string }) =>
  `${x.a} ${x.b}`.localeCompare(`${y.a} ${y.b}`);

/** Every unordered pair of highlights (a highlight with itself too), as the definition reads. */
function recount(hs: readonly PlacedCoding[]) {
  const counts = new Map<string, number>();
  for (let i = 0; i < hs.length; i++)
    for (let j = i; j < hs.length; j++) {
      const [p, q] = [hs[i]!, hs[j]!];
      if (p.document !== q.document || !(p.start < q.end && q.start < p.end)) continue;
      const keys = new Set<string>();
      for (const x of p.codes) for (const y of q.codes) keys.add([x, y].sort().join(' '));
      for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  return [...counts].map(([k, count]) => {
    const [a, b] = k.split(' ') as [string, string];
    return { a, b, count };
  });
}

const highlight = fc.record({
  document: fc.constantFrom(1, 2, 3),
  start: fc.nat({ max: 40 }),
  length: fc.nat({ max: 12 }),
  codes: fc.uniqueArray(fc.constantFrom('c1', 'c2', 'c3', 't1', 't2'), {
    minLength: 1,
    maxLength: 3,
  }),
});

describe('overlapPairs', () => {
  it('counts each overlapping pair of highlights once per pair of codes, as a recount does', () => {
    fc.assert(
      fc.property(fc.array(highlight, { maxLength: 25 }), (raw) => {
        const hs = raw
          .map(({ length, ...h }) => ({ ...h, end: h.start + length }))
          .sort((x, y) => x.document - y.document || x.start - y.start);
        expect([...overlapPairs(hs)].sort(byKey)).toEqual(recount(hs).sort(byKey));
      }),
      { numRuns: 300 },
    );
  });

  it('counts a highlight with itself, and touching highlights as apart', () => {
    const pairs = overlapPairs([
      { document: 7, start: 0, end: 5, codes: ['a', 'b'] },
      { document: 7, start: 5, end: 9, codes: ['a'] },
    ]);
    expect(pairs.sort(byKey)).toEqual([
      { a: 'a', b: 'a', count: 2 },
      { a: 'a', b: 'b', count: 1 },
      { a: 'b', b: 'b', count: 1 },
    ]);
  });
});
