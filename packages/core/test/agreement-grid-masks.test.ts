import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellsOfStudies, disagreementsByStudy } from '../src';

/*
 * The grid's masks against a recount from plain sets: for every study, which codes its covering
 * coders applied, by whom, and on how many they differ.
 */

const STUDIES = 4;
const DOCS = 6;
const CODES = 3;

const gridArb = fc.record({
  coders: fc.integer({ min: 2, max: 4 }),
  studyMask: fc.array(fc.nat(15), { minLength: STUDIES, maxLength: STUDIES }),
  // A document of another study than those compared is -1.
  docStudy: fc.array(fc.integer({ min: -1, max: STUDIES - 1 }), {
    minLength: DOCS,
    maxLength: DOCS,
  }),
  applied: fc.array(fc.tuple(fc.nat(CODES - 1), fc.nat(DOCS - 1), fc.nat(3)), { maxLength: 30 }),
});

function inputOf(g: GridSpec) {
  const masks = g.studyMask.map((m) => m & ((1 << g.coders) - 1));
  // Each code's triples together, as the counts give them (by code, then document).
  const triples = g.applied
    .map(([code, doc, coder]) => [code, doc, coder % g.coders] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    studyMask: Uint32Array.from(masks),
    docStudy: Int32Array.from(g.docStudy),
    applied: Uint32Array.from(triples.flat()),
    triples,
  };
}
type GridSpec = typeof gridArb extends fc.Arbitrary<infer T> ? T : never;

/** Per study and code, the covering coders who applied it there, as sets. */
function recount(input: ReturnType<typeof inputOf>) {
  const who = Array.from({ length: STUDIES }, () =>
    Array.from({ length: CODES }, () => new Set<number>()),
  );
  for (const [code, doc, coder] of input.triples) {
    const s = input.docStudy[doc]!;
    if (s >= 0 && (input.studyMask[s]! >> coder) & 1) who[s]![code]!.add(coder);
  }
  return who;
}

const setOf = (mask: number) => new Set([0, 1, 2, 3].filter((c) => (mask >> c) & 1));

describe('grid masks', () => {
  it('count per study the codes its covering coders differ on, as a recount does', () => {
    fc.assert(
      fc.property(gridArb, (g) => {
        const input = inputOf(g);
        const who = recount(input);
        const got = disagreementsByStudy(input);
        for (let s = 0; s < STUDIES; s++) {
          const covering = setOf(input.studyMask[s]!);
          const differ =
            covering.size < 2
              ? 0
              : who[s]!.filter((set) => set.size > 0 && set.size < covering.size).length;
          expect(got[s]).toBe(differ);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("give a page's cells: each code applied in a study, ascending, with who applied it", () => {
    fc.assert(
      fc.property(gridArb, fc.uniqueArray(fc.nat(STUDIES - 1)), (g, page) => {
        const input = inputOf(g);
        const who = recount(input);
        const cells = cellsOfStudies(input, page);
        page.forEach((s, r) => {
          const expected = who[s]!.flatMap((set, code) =>
            set.size > 0 ? [{ code, coders: [...set].reduce((m, c) => m | (1 << c), 0) }] : [],
          );
          expect(cells[r]).toEqual(expected);
        });
      }),
      { numRuns: 300 },
    );
  });
});
