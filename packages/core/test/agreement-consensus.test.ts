import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  agreedStretches,
  disagreementRegions,
  mergeStretches,
  rewriteRegion,
  type CodedDocument,
  type Stretch,
} from '../src/index';

/** Characters of [0, length) inside any stretch, by explicit arrays. */
function coveredChars(length: number, stretches: readonly Stretch[]): boolean[] {
  const out = new Array<boolean>(length).fill(false);
  for (const s of stretches)
    for (let i = Math.max(0, s.start); i < Math.min(length, s.end); i++) out[i] = true;
  return out;
}

const stretch = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }))
  .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));

describe('mergeStretches', () => {
  it('joins overlapping and touching stretches and drops empty ones', () => {
    expect(
      mergeStretches([
        { start: 5, end: 9 },
        { start: 0, end: 5 },
        { start: 12, end: 12 },
        { start: 11, end: 14 },
        { start: 12, end: 13 },
      ]),
    ).toEqual([
      { start: 0, end: 9 },
      { start: 11, end: 14 },
    ]);
  });

  it('covers exactly the characters of its input, with gaps between the stretches', () => {
    fc.assert(
      fc.property(fc.array(stretch, { maxLength: 8 }), (input) => {
        const merged = mergeStretches(input);
        expect(coveredChars(40, merged)).toEqual(coveredChars(40, input));
        for (let i = 1; i < merged.length; i++)
          expect(merged[i]!.start).toBeGreaterThan(merged[i - 1]!.end);
      }),
    );
  });
});

describe('rewriteRegion', () => {
  it("takes a coder's version inside the region and keeps the consensus outside it", () => {
    const near = [{ start: 0, end: 12 }];
    expect(rewriteRegion(near, { start: 8, end: 20 }, [{ start: 10, end: 18 }])).toEqual([
      { start: 0, end: 8 },
      { start: 10, end: 18 },
    ]);
    expect(rewriteRegion(near, { start: 8, end: 20 }, [])).toEqual([{ start: 0, end: 8 }]);
    expect(rewriteRegion(near, { start: 8, end: 20 }, [{ start: 5, end: 25 }])).toEqual([
      { start: 0, end: 20 },
    ]);
  });

  it('leaves exactly the chosen characters inside the region and the old ones outside', () => {
    fc.assert(
      fc.property(
        fc.array(stretch, { maxLength: 5 }),
        stretch,
        fc.array(stretch, { maxLength: 5 }),
        (near, region, chosen) => {
          const after = coveredChars(40, rewriteRegion(near, region, chosen));
          const before = coveredChars(40, near);
          const picked = coveredChars(40, chosen);
          after.forEach((coded, i) => {
            const inRegion = i >= region.start && i < region.end;
            expect(coded).toBe(inRegion ? picked[i] : before[i]);
          });
        },
      ),
    );
  });
});

const doc = (spans: CodedDocument['spans'], covered = [true, true]): CodedDocument => ({
  length: 60,
  coders: covered.length,
  covered,
  spans,
});

describe('disagreementRegions', () => {
  it("groups a passage's differing edges into one region per code", () => {
    // Ann coded [10, 30), Bo [14, 34): they differ at both edges of one passage.
    const d = doc([
      { coder: 0, codeId: 'stigma', start: 10, end: 30 },
      { coder: 1, codeId: 'stigma', start: 14, end: 34 },
      { coder: 0, codeId: 'role', start: 40, end: 50 },
      { coder: 1, codeId: 'role', start: 40, end: 50 },
    ]);
    const regions = disagreementRegions(d, ['stigma', 'role']);
    expect(regions).toHaveLength(1);
    expect(regions[0]).toMatchObject({ codeId: 'stigma', start: 10, end: 34 });
    expect(regions[0]!.runs.map((r) => [r.start, r.end, r.coded])).toEqual([
      [10, 14, [true, false]],
      [30, 34, [false, true]],
    ]);
  });

  it('ignores a coder who did not cover the document', () => {
    const d = doc([{ coder: 0, codeId: 'stigma', start: 0, end: 5 }], [true, false]);
    expect(disagreementRegions(d, ['stigma'])).toEqual([]);
  });
});

describe('agreedStretches', () => {
  it('gives per code what every covered coder coded', () => {
    const d = doc(
      [
        { coder: 0, codeId: 'stigma', start: 10, end: 30 },
        { coder: 1, codeId: 'stigma', start: 14, end: 34 },
        { coder: 2, codeId: 'stigma', start: 0, end: 2 },
      ],
      [true, true, false],
    );
    expect(agreedStretches(d, ['stigma'])).toEqual(new Map([['stigma', [{ start: 14, end: 30 }]]]));
  });

  it('agrees on nothing when fewer than two coders covered the document', () => {
    const d = doc([{ coder: 0, codeId: 'stigma', start: 0, end: 9 }], [true, false]);
    expect(agreedStretches(d, ['stigma']).size).toBe(0);
  });
});
