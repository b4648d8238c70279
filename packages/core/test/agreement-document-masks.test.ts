import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createAgreementAccumulator,
  documentMaskAgreement,
  MASK_CODERS,
  type AgreementStats,
  type CodedDocument,
} from '../src/index';

/*
 * The mask form of document-level agreement against the accumulator it stands in for, fed the
 * same documents as spans: every figure, per code and overall, over random projects.
 */
const worldArb = fc
  .record({ coders: fc.integer({ min: 2, max: 4 }), codes: fc.integer({ min: 1, max: 4 }) })
  .chain(({ coders, codes }) =>
    fc.record({
      coders: fc.constant(coders),
      codes: fc.constant(codes),
      covered: fc.array(fc.nat(2 ** coders - 1), { minLength: 1, maxLength: 12 }),
      applied: fc.uniqueArray(fc.tuple(fc.nat(codes - 1), fc.nat(11), fc.nat(coders - 1)), {
        selector: (t) => t.join(),
        maxLength: 40,
      }),
    }),
  );

function expectSame(got: AgreementStats, want: AgreementStats) {
  for (const key of Object.keys(want) as Array<keyof AgreementStats>) {
    const w = want[key];
    if (typeof w === 'number') expect(got[key], key).toBeCloseTo(w, 9);
    else expect(got[key], key).toEqual(w);
  }
}

describe('documentMaskAgreement', () => {
  it('equals the accumulator fed the same documents', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const docs = w.covered.length;
        const triples = w.applied.filter(([, doc]) => doc < docs);
        // Grouped by (code, doc), as the function asks; the accumulator takes any order.
        triples.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
        const codeIds = Array.from({ length: w.codes }, (_, c) => `c${c}`);
        const acc = createAgreementAccumulator({ coders: w.coders, codeIds, level: 'document' });
        w.covered.forEach((mask, doc) => {
          if (mask === 0) return;
          const document: CodedDocument = {
            length: 10,
            coders: w.coders,
            covered: Array.from({ length: w.coders }, (_, c) => (mask & (1 << c)) !== 0),
            spans: triples
              .filter(([, d]) => d === doc)
              .map(([code, , coder]) => ({ coder, codeId: `c${code}`, start: 0, end: 10 })),
          };
          acc.addDocument(document);
        });
        const want = acc.result();
        const got = documentMaskAgreement({
          coders: w.coders,
          codes: w.codes,
          covered: Uint32Array.from(w.covered),
          applied: Uint32Array.from(triples.flat()),
        });
        expectSame(got.overall, want.overall);
        codeIds.forEach((id, c) => expectSame(got.codes[c]!, want.codes.get(id)!));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses more coders than a mask key holds', () => {
    const input = { codes: 1, covered: new Uint32Array(1), applied: new Uint32Array(0) };
    expect(() => documentMaskAgreement({ ...input, coders: MASK_CODERS + 1 })).toThrow(RangeError);
    expect(() => documentMaskAgreement({ ...input, coders: 1 })).toThrow(RangeError);
  });
});
