import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { disagreements, type Disagreement } from '../src/agreement/disagreements';
import type { CodedDocument } from '../src/agreement/document';

const CODES = ['a', 'b'];

/** One random document: 2–4 coders, some uncovered, overlapping/identical/empty/stray spans. */
const codedDocument = fc.integer({ min: 2, max: 4 }).chain((coders) =>
  fc.record({
    length: fc.nat(20),
    coders: fc.constant(coders),
    covered: fc.array(
      fc.nat(3).map((n) => n > 0),
      { minLength: coders, maxLength: coders },
    ),
    spans: fc.array(
      fc.record({
        coder: fc.nat(coders - 1),
        codeId: fc.constantFrom('a', 'b', 'c'),
        start: fc.integer({ min: -2, max: 22 }),
        end: fc.integer({ min: -2, max: 22 }),
      }),
      { maxLength: 10 },
    ),
  }),
);

/** Brute force: per code, per character, the covered coders' votes; runs grouped by hand. */
function bruteForce(d: CodedDocument, codeIds: readonly string[]): Disagreement[] {
  const found: Disagreement[] = [];
  for (const codeId of codeIds) {
    let open: Disagreement | null = null;
    for (let i = 0; i < d.length; i++) {
      const coded = d.covered.map(
        (cov, c) =>
          cov &&
          d.spans.some((s) => s.coder === c && s.codeId === codeId && s.start <= i && i < s.end),
      );
      const votes = coded.filter((_, c) => d.covered[c]);
      const disagree = votes.includes(true) && votes.includes(false);
      if (open && disagree && open.coded.join() === coded.join()) open.end = i + 1;
      else {
        open = disagree ? { codeId, start: i, end: i + 1, coded } : null;
        if (open) found.push(open);
      }
    }
  }
  return found.sort(
    (x, y) => x.start - y.start || codeIds.indexOf(x.codeId) - codeIds.indexOf(y.codeId),
  );
}

describe('disagreements', () => {
  it('lists maximal runs where covered coders differ, in document order', () => {
    const d: CodedDocument = {
      length: 12,
      coders: 3,
      covered: [true, true, false],
      spans: [
        { coder: 0, codeId: 'a', start: 0, end: 4 },
        { coder: 0, codeId: 'a', start: 4, end: 6 }, // adjacent: one run with the first
        { coder: 1, codeId: 'a', start: 5, end: 10 },
        { coder: 1, codeId: 'b', start: 1, end: 2 },
        { coder: 2, codeId: 'b', start: 0, end: 12 }, // uncovered: ignored
        { coder: 1, codeId: 'z', start: 0, end: 12 }, // not asked for
      ],
    };
    expect(disagreements(d, CODES)).toEqual([
      { codeId: 'a', start: 0, end: 5, coded: [true, false, false] },
      { codeId: 'b', start: 1, end: 2, coded: [false, true, false] },
      { codeId: 'a', start: 6, end: 10, coded: [false, true, false] },
    ]);
  });

  it('finds none with fewer than 2 covered coders', () => {
    const spans = [{ coder: 0, codeId: 'a', start: 0, end: 3 }];
    expect(disagreements({ length: 5, coders: 2, covered: [true, false], spans }, CODES)).toEqual(
      [],
    );
  });

  it('gives offsets in UTF-16 code units that slice out an emoji', () => {
    const text = 'Hon 🧶 stickar';
    const start = text.indexOf('🧶');
    const d: CodedDocument = {
      length: text.length,
      coders: 2,
      covered: [true, true],
      spans: [{ coder: 1, codeId: 'b', start, end: start + 2 }],
    };
    const [found] = disagreements(d, CODES);
    expect(text.slice(found!.start, found!.end)).toBe('🧶');
  });

  it('equals a per-character brute force on random documents (property)', () => {
    fc.assert(
      fc.property(codedDocument, (d) => {
        expect(disagreements(d, CODES)).toEqual(bruteForce(d, CODES));
      }),
    );
  });
});
