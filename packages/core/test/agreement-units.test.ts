import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CodedDocument, CoderSpan } from '../src/agreement/document';
import { agreementStats, type AgreementStats } from '../src/agreement/statistics';
import { addUnit, createTally, mergeTally, type AgreementTally } from '../src/agreement/tally';
import { createAgreementAccumulator, type AgreementLevel } from '../src/agreement/units';
import { CharacterAgreement } from '../src/agreement/character-agreement';
import { SegmentAgreement } from '../src/agreement/segment-agreement';

const CODES = ['a', 'b'];

function doc(length: number, covered: boolean[], spans: readonly CoderSpan[]): CodedDocument {
  return { length, coders: covered.length, covered, spans };
}

function run(level: AgreementLevel, docs: readonly CodedDocument[], threshold?: number) {
  const acc = createAgreementAccumulator({
    coders: docs[0]!.coders,
    codeIds: CODES,
    level,
    threshold,
  });
  for (const d of docs) acc.addDocument(d);
  return acc.result();
}

/** Random documents: 2–4 coders, some uncovered; spans of codes a, b and an ignored c, with
 * offsets past the text, empty, inverted, overlapping and identical spans. */
const codedDocuments = fc
  .integer({ min: 2, max: 4 })
  .chain((coders) =>
    fc.array(
      fc.record({
        length: fc.nat(20),
        covered: fc.array(
          fc.nat(3).map((n) => n > 0),
          {
            minLength: coders,
            maxLength: coders,
          },
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
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map((docs) =>
    docs.map((d) => {
      // Copy some spans to another coder so that identical spans are common.
      const echoes = d.spans.filter((_, i) => i % 3 === 0).map((s) => ({ ...s, coder: 0 }));
      return { ...d, coders: d.covered.length, spans: [...d.spans, ...echoes] };
    }),
  );

/** Brute force: coder c coded character i with code `codeId`, by direct lookup. */
function codedAt(d: CodedDocument, coder: number, codeId: string, i: number): boolean {
  return d.spans.some((s) => s.coder === coder && s.codeId === codeId && s.start <= i && i < s.end);
}

/** Per-code tallies from explicit units, plus the pooled one. */
function bruteForce(coders: number, units: (codeId: string, tally: AgreementTally) => void) {
  const codes = new Map(CODES.map((id) => [id, createTally(coders)]));
  const overall = createTally(coders);
  for (const [id, tally] of codes) {
    units(id, tally);
    mergeTally(overall, tally);
  }
  return {
    overall: agreementStats(overall, 2),
    codes: new Map([...codes].map(([id, t]) => [id, agreementStats(t, 2)])),
  };
}

function expectSameResult(
  actual: { overall: AgreementStats; codes: Map<string, AgreementStats> },
  expected: { overall: AgreementStats; codes: Map<string, AgreementStats> },
) {
  expect([...actual.codes.keys()]).toEqual(CODES);
  for (const [a, e] of [
    [actual.overall, expected.overall],
    ...CODES.map((id) => [actual.codes.get(id)!, expected.codes.get(id)!]),
  ] as const) {
    expect(a.units).toBe(e.units);
    expect(a.agreements).toBe(e.agreements);
    for (const key of ['percentAgreement', 'cohenKappa', 'krippendorffAlpha'] as const) {
      if (e[key] === null) expect(a[key], key).toBeNull();
      else expect(a[key], key).toBeCloseTo(e[key], 9);
    }
  }
}

describe('createAgreementAccumulator at the character level', () => {
  it('treats every character as a unit per code, text nobody coded as agreement', () => {
    // Coder 0 codes a on [0, 6), coder 1 on [2, 6) and [4, 8): characters 0–1 and 6–7 disagree.
    const d = doc(
      10,
      [true, true],
      [
        { coder: 0, codeId: 'a', start: 0, end: 6 },
        { coder: 1, codeId: 'a', start: 2, end: 6 },
        { coder: 1, codeId: 'a', start: 4, end: 8 },
      ],
    );
    const { codes, overall } = run('character', [d]);
    expect(codes.get('a')).toMatchObject({ units: 10, agreements: 6 });
    expect(codes.get('b')).toMatchObject({ units: 10, agreements: 10, cohenKappa: null });
    expect(overall).toMatchObject({ units: 20, agreements: 16 });
    // Cohen: Po = 0.6, coder 0 coded 6 and coder 1 coded 6 of 10: Pe = 0.36 + 0.16 = 0.52.
    expect(codes.get('a')!.cohenKappa).toBeCloseTo((0.6 - 0.52) / (1 - 0.52), 12);
  });

  it('counts UTF-16 code units, so an emoji is two units', () => {
    const text = 'Jag 😀 gillar 🍕!';
    const pizza = text.indexOf('🍕');
    expect(text.length).toBe([...text].length + 2);
    const d = doc(
      text.length,
      [true, true],
      [{ coder: 0, codeId: 'a', start: pizza, end: pizza + '🍕'.length }],
    );
    expect(run('character', [d]).codes.get('a')).toMatchObject({
      units: text.length,
      agreements: text.length - 2,
    });
  });

  it('makes an uncovered coder missing, and an empty document contributes nothing', () => {
    const spans = [{ coder: 0, codeId: 'a', start: 0, end: 3 }];
    const { codes } = run('character', [doc(5, [true, false], spans), doc(0, [true, true], [])]);
    expect(codes.get('a')).toMatchObject({ units: 0, krippendorffAlpha: null });
  });

  it('works on runs, not characters: a 10^9-character document costs a few units', () => {
    const d = doc(
      1e9,
      [true, true, true],
      [
        { coder: 0, codeId: 'a', start: 0, end: 5e8 },
        { coder: 1, codeId: 'a', start: 1, end: 5e8 },
      ],
    );
    expect(run('character', [d]).codes.get('a')).toMatchObject({
      units: 1e9,
      agreements: 1e9 - 5e8,
    });
  });

  it('equals a per-character brute force on random documents (property)', () => {
    fc.assert(
      fc.property(codedDocuments, (docs) => {
        const expected = bruteForce(docs[0]!.coders, (codeId, tally) => {
          for (const d of docs) {
            for (let i = 0; i < d.length; i++) {
              const values = d.covered.map((cov, c) => (cov ? +codedAt(d, c, codeId, i) : null));
              addUnit(tally, values);
            }
          }
        });
        expectSameResult(run('character', docs), expected);
      }),
    );
  });
});

/** The spans of a document as NumberedSpans; a code not compared ('c') is -1. */
function numbered(d: CodedDocument) {
  return {
    code: d.spans.map((s) => CODES.indexOf(s.codeId)),
    coder: d.spans.map((s) => s.coder),
    start: d.spans.map((s) => s.start),
    end: d.spans.map((s) => s.end),
    length: d.spans.length,
  };
}

const coveredMask = (d: CodedDocument) => d.covered.reduce((m, c, i) => (c ? m | (1 << i) : m), 0);

/**
 * The same documents with `extra` more coders, none covered: past ten coders a MaskTally keeps
 * its patterns in maps rather than one array, and the figures must not change.
 */
function widened(docs: CodedDocument[], extra: number): CodedDocument[] {
  return docs.map((d) => ({
    ...d,
    coders: d.coders + extra,
    covered: [...d.covered, ...Array<boolean>(extra).fill(false)],
  }));
}

describe('CharacterAgreement', () => {
  it('equals the accumulator at the character level on random documents (property)', () => {
    fc.assert(
      fc.property(codedDocuments, fc.constantFrom(0, 9), (original, extra) => {
        const docs = widened(original, extra);
        const acc = new CharacterAgreement(docs[0]!.coders, CODES.length);
        for (const d of docs) acc.addDocument(d.length, coveredMask(d), numbered(d));
        expectSameResult(acc.result(CODES), run('character', docs));
      }),
      { numRuns: 300 },
    );
  });
});

describe('SegmentAgreement', () => {
  it('equals the accumulator at the segment level on random documents (property)', () => {
    const thresholds = fc.oneof(
      fc.constantFrom(0.5, 0.8, 0.9, 1),
      fc.double({ min: 0.01, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(codedDocuments, thresholds, fc.constantFrom(0, 9), (original, t, extra) => {
        const docs = widened(original, extra);
        const acc = new SegmentAgreement(docs[0]!.coders, CODES.length, t);
        for (const d of docs) acc.addDocument(d.length, coveredMask(d), numbered(d));
        expectSameResult(acc.result(CODES), run('segment', docs, t));
      }),
      { numRuns: 500 },
    );
  });

  it('matches many segments of one code in a document as matchSegments does', () => {
    // Thirty near-identical segments of three coders: past the short sort, into the engine's.
    const spans = Array.from({ length: 30 }, (_, i) => ({
      coder: i % 3,
      codeId: 'a',
      start: Math.floor(i / 3),
      end: 40 + (i % 5),
    }));
    const d = doc(50, [true, true, true], spans);
    const acc = new SegmentAgreement(3, CODES.length, 0.8);
    acc.addDocument(d.length, coveredMask(d), numbered(d));
    expectSameResult(acc.result(CODES), run('segment', [d], 0.8));
  });
});

describe('createAgreementAccumulator at the document level', () => {
  it('gives one unit per document and code, agreement on absence included', () => {
    const d = doc(
      10,
      [true, true, false],
      [
        { coder: 0, codeId: 'a', start: 0, end: 2 },
        { coder: 1, codeId: 'a', start: 8, end: 9 },
        { coder: 2, codeId: 'b', start: 0, end: 9 },
      ],
    );
    const { codes, overall } = run('document', [d]);
    expect(codes.get('a')).toMatchObject({ units: 0, krippendorffAlpha: null });
    expect(overall).toMatchObject({ units: 0, agreements: 0 });
    const covered = doc(10, [true, true, true], d.spans);
    const all = run('document', [covered]);
    expect(all.codes.get('a')).toMatchObject({ units: 1, agreements: 0 });
    expect(all.codes.get('b')).toMatchObject({ units: 1, agreements: 0 });
    const none = run('document', [doc(10, [true, true, true], [])]);
    expect(none.overall).toMatchObject({ units: 2, agreements: 2, percentAgreement: 1 });
  });

  it('equals a brute force over the characters of each document (property)', () => {
    fc.assert(
      fc.property(codedDocuments, (docs) => {
        const expected = bruteForce(docs[0]!.coders, (codeId, tally) => {
          for (const d of docs) {
            const applied = (c: number) =>
              Array.from({ length: d.length }, (_, i) => i).some((i) => codedAt(d, c, codeId, i));
            addUnit(
              tally,
              d.covered.map((cov, c) => (cov ? +applied(c) : null)),
            );
          }
        });
        expectSameResult(run('document', docs), expected);
      }),
    );
  });
});

describe('createAgreementAccumulator input checks', () => {
  it('rejects a document for another number of coders, a bad coder index and a bad threshold', () => {
    const acc = createAgreementAccumulator({ coders: 2, codeIds: CODES, level: 'character' });
    expect(() => acc.addDocument(doc(3, [true, true, true], []))).toThrow(/expected 2 coders/);
    const stray = doc(3, [true, true], [{ coder: 2, codeId: 'a', start: 0, end: 1 }]);
    expect(() => acc.addDocument(stray)).toThrow(/span coder/);
    expect(() =>
      createAgreementAccumulator({ coders: 2, codeIds: CODES, level: 'segment', threshold: 0 }),
    ).toThrow(/threshold/);
  });
});
