import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CodedDocument, CoderInterval } from '../src/agreement/document';
import { intersectionOverUnion, matchSegments } from '../src/agreement/matching';
import { agreementStats } from '../src/agreement/statistics';
import { addUnit, createTally } from '../src/agreement/tally';
import { createAgreementAccumulator } from '../src/agreement/units';

const seg = (coder: number, start: number, end: number): CoderInterval => ({ coder, start, end });

/** Non-empty segments of 2–4 coders on a short text, so near and exact repeats are common. */
const segments = fc.array(
  fc
    .tuple(fc.nat(3), fc.nat(12), fc.integer({ min: 1, max: 8 }))
    .map(([coder, start, length]) => seg(coder, start, start + length)),
  { maxLength: 14 },
);
const thresholds = fc.oneof(
  fc.constantFrom(0.5, 0.75, 0.8, 0.9, 1),
  fc.double({ min: 0.01, max: 1, noNaN: true }),
);

/** Greedy matching without the look-ahead window: every pair of the sorted segments is tried. */
function allPairsMatching(list: readonly CoderInterval[], threshold: number): number[][] {
  const order = list
    .map((_, i) => i)
    .sort((i, j) => {
      const [a, b] = [list[i]!, list[j]!];
      return a.start - b.start || a.end - b.end || a.coder - b.coder || i - j;
    });
  const pairs: Array<[number, number, number]> = [];
  for (let i = 0; i < order.length; i++)
    for (let j = i + 1; j < order.length; j++) {
      const [a, b] = [list[order[i]!]!, list[order[j]!]!];
      const iou = intersectionOverUnion(a, b);
      if (a.coder !== b.coder && iou >= threshold) pairs.push([iou, i, j]);
    }
  pairs.sort((p, q) => q[0] - p[0] || p[1] - q[1] || p[2] - q[2]);
  let clusters = order.map((k) => [k]);
  const find = (k: number) => clusters.find((c) => c.includes(k))!;
  for (const [, i, j] of pairs) {
    const [x, y] = [find(order[i]!), find(order[j]!)];
    const coders = (c: number[]) => c.map((k) => list[k]!.coder);
    if (x === y || coders(x).some((c) => coders(y).includes(c))) continue;
    clusters = [...clusters.filter((c) => c !== x && c !== y), [...x, ...y]];
  }
  return clusters.map((c) => c.sort((a, b) => a - b));
}

const sortClusters = (clusters: number[][]) =>
  [...clusters].sort((a, b) => a.join().localeCompare(b.join()));

describe('matchSegments', () => {
  it('matches segments whose intersection over union reaches the threshold, inclusive', () => {
    // IoU([0,10), [0,9)) = 0.9 exactly; IoU([20,30), [21,29)) = 0.8.
    const list = [seg(0, 0, 10), seg(1, 0, 9), seg(0, 20, 30), seg(1, 21, 29)];
    expect(matchSegments(list, 0.9)).toEqual([[0, 1], [2], [3]]);
    expect(matchSegments(list, 0.8)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('never puts two segments of one coder in a cluster, taking the better match first', () => {
    // Coder 1 has two candidates for coder 0's segment: [0,98) (IoU .98) beats [5,100) (.95).
    const list = [seg(1, 5, 100), seg(0, 0, 100), seg(1, 0, 98)];
    expect(matchSegments(list, 0.9)).toEqual([[1, 2], [0]]);
  });

  it('chains a third coder into a cluster through either member', () => {
    const list = [seg(0, 0, 100), seg(1, 0, 95), seg(2, 5, 100)];
    expect(matchSegments(list, 0.9)).toEqual([[0, 1, 2]]);
  });

  it('keeps its invariants on random segments (property)', () => {
    fc.assert(
      fc.property(segments, thresholds, (list, threshold) => {
        const clusters = matchSegments(list, threshold);
        // A partition of the segments, with at most one segment per coder in each cluster.
        expect(clusters.flat().sort((a, b) => a - b)).toEqual(list.map((_, i) => i));
        const coders = clusters.map((c) => c.map((k) => list[k]!.coder));
        for (const c of coders) expect(new Set(c).size).toBe(c.length);
        // Each cluster is connected by matching pairs.
        for (const c of clusters) {
          const reached = new Set([c[0]]);
          for (let grew = true; grew;) {
            grew = false;
            for (const k of c)
              if (!reached.has(k) && [...reached].some((r) => match(list[r!]!, list[k]!))) {
                reached.add(k);
                grew = true;
              }
          }
          expect(reached.size).toBe(c.length);
        }
        // Maximal: a matching pair left across two clusters would have doubled a coder.
        clusters.forEach((x, i) =>
          clusters.forEach((y, j) => {
            if (i === j || !x.some((a) => y.some((b) => match(list[a]!, list[b]!)))) return;
            expect(coders[i]!.some((c) => coders[j]!.includes(c))).toBe(true);
          }),
        );
        function match(a: CoderInterval, b: CoderInterval) {
          return a.coder !== b.coder && intersectionOverUnion(a, b) >= threshold;
        }
      }),
    );
  });

  it('with threshold 1 clusters only identical segments (property)', () => {
    fc.assert(
      fc.property(segments, (list) => {
        for (const cluster of matchSegments(list, 1)) {
          const shapes = cluster.map((k) => `${list[k]!.start}-${list[k]!.end}`);
          expect(new Set(shapes).size).toBe(1);
        }
      }),
    );
  });

  it('finds the clusters a greedy matching over all pairs finds (property)', () => {
    fc.assert(
      fc.property(segments, thresholds, (list, threshold) => {
        expect(sortClusters(matchSegments(list, threshold))).toEqual(
          sortClusters(allPairsMatching(list, threshold)),
        );
      }),
    );
  });
});

describe('createAgreementAccumulator at the segment level', () => {
  const run = (d: CodedDocument, threshold?: number) => {
    const acc = createAgreementAccumulator({
      coders: d.coders,
      codeIds: ['a', 'b'],
      level: 'segment',
      threshold,
    });
    acc.addDocument(d);
    return acc.result();
  };

  it('makes each cluster a unit, with no units where nobody coded', () => {
    const d: CodedDocument = {
      length: 100,
      coders: 2,
      covered: [true, true],
      spans: [
        { coder: 0, codeId: 'a', start: 0, end: 10 },
        { coder: 1, codeId: 'a', start: 0, end: 9 }, // IoU 0.9: matches the default threshold
        { coder: 0, codeId: 'a', start: 20, end: 30 },
        { coder: 1, codeId: 'a', start: 21, end: 29 }, // IoU 0.8: two singletons
        { coder: 1, codeId: 'a', start: 20, end: 30 }, // identical: matches [20, 30) of coder 0
      ],
    };
    const { codes, overall } = run(d);
    // Units: [1,1], [1,1], [0,1]. Cohen: Po = 2/3, Pe = 2/3 · 1 = 2/3, so kappa 0.
    expect(codes.get('a')).toMatchObject({ units: 3, agreements: 2, cohenKappa: 0 });
    expect(codes.get('b')).toMatchObject({ units: 0, percentAgreement: null });
    expect(overall.units).toBe(3);
    expect(run(d, 0.8).codes.get('a')).toMatchObject({ units: 3, agreements: 2 });
  });

  it('gives uncovered coders null, so their units are incomplete', () => {
    const d: CodedDocument = {
      length: 10,
      coders: 3,
      covered: [true, true, false],
      spans: [
        { coder: 0, codeId: 'a', start: 0, end: 5 },
        { coder: 2, codeId: 'a', start: 0, end: 5 },
      ],
    };
    // One unit [1, 0, null]: not complete, but a disagreeing pair for alpha (n = 2, so 1 − 1).
    expect(run(d).codes.get('a')).toMatchObject({ units: 0, krippendorffAlpha: 0 });
  });

  it('equals grouping identical highlights when the threshold is 1 (property)', () => {
    const docs = fc.integer({ min: 2, max: 4 }).chain((coders) =>
      fc.record({
        // Never cutting a span short, so that distinct spans of a coder stay distinct.
        length: fc.constantFrom(0, 18, 20),
        coders: fc.constant(coders),
        covered: fc.array(fc.boolean(), { minLength: coders, maxLength: coders }),
        spans: fc.uniqueArray(
          fc.record({
            coder: fc.nat(coders - 1),
            codeId: fc.constantFrom('a', 'b', 'c'),
            start: fc.nat(8).map((n) => n * 2),
            end: fc.nat(8).map((n) => n * 2 + 2),
          }),
          { selector: (s) => `${s.coder} ${s.codeId} ${s.start} ${s.end}`, maxLength: 12 },
        ),
      }),
    );
    fc.assert(
      fc.property(docs, (d) => {
        const tally = createTally(d.coders);
        for (const codeId of ['a', 'b']) {
          const byShape = new Map<string, Set<number>>();
          for (const s of d.spans) {
            const [start, end] = [Math.min(s.start, d.length), Math.min(s.end, d.length)];
            if (s.codeId !== codeId || !d.covered[s.coder] || start >= end) continue;
            byShape.set(
              `${start}-${end}`,
              (byShape.get(`${start}-${end}`) ?? new Set()).add(s.coder),
            );
          }
          for (const coders of byShape.values())
            addUnit(
              tally,
              d.covered.map((cov, c) => (cov ? +coders.has(c) : null)),
            );
        }
        const expected = agreementStats(tally, 2);
        const actual = run(d, 1).overall;
        expect(actual.units).toBe(expected.units);
        expect(actual.agreements).toBe(expected.agreements);
        for (const key of ['cohenKappa', 'krippendorffAlpha', 'fleissKappa'] as const) {
          const e = expected[key];
          if (e === null) expect(actual[key], key).toBeNull();
          else expect(actual[key], key).toBeCloseTo(e, 9);
        }
      }),
    );
  });
});
