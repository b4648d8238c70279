import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CountsIndex,
  CountsIndexBuilder,
  coderPresence,
  documentPairs,
  KEY_LIMITS,
  tallyCodes,
  tallyStudiesByGroup,
  tallyStudyCells,
  type CountsFilter,
  type CountsShape,
} from '../src/index';

/*
 * The index against a brute-force model: a Map of (code, doc, coder) → highlights, changed by
 * the same operations, and every tally recounted from the model's entries with Sets.
 */

const CODES = 5;
const DOCS = 40; // more than 32, so the document bitsets take two words
const CODERS = 3;
const STUDIES = 7;

type Op = { kind: 'set'; code: number; doc: number; coder: number; n: number } | { kind: 'merge' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      code: fc.nat(CODES - 1),
      doc: fc.nat(DOCS - 1),
      coder: fc.nat(CODERS - 1),
      n: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 })),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'merge' as const }) },
);

const key = (code: number, doc: number, coder: number) => `${code}/${doc}/${coder}`;

function play(initial: Op[], ops: Op[]) {
  const model = new Map<string, number>();
  const builder = new CountsIndexBuilder(4);
  for (const op of initial) {
    if (op.kind !== 'set') continue;
    builder.add(op.code, op.doc, op.coder, op.n);
    if (op.n > 0) model.set(key(op.code, op.doc, op.coder), op.n);
  }
  const index = builder.build();
  for (const op of ops) {
    if (op.kind === 'merge') index.merge();
    else {
      index.set(op.code, op.doc, op.coder, op.n);
      if (op.n > 0) model.set(key(op.code, op.doc, op.coder), op.n);
      else model.delete(key(op.code, op.doc, op.coder));
    }
  }
  const rows = [...model].map(([k, n]) => {
    const [code, doc, coder] = k.split('/').map(Number) as [number, number, number];
    return { code, doc, coder, n };
  });
  return { index, rows };
}

const worldArb = fc.record({
  initial: fc.array(opArb, { maxLength: 60 }),
  ops: fc.array(opArb, { maxLength: 60 }),
  docStudy: fc.array(fc.nat(STUDIES - 1), { minLength: DOCS, maxLength: DOCS }),
  coders: fc.array(fc.boolean(), { minLength: CODERS, maxLength: CODERS }),
  documents: fc.option(fc.array(fc.boolean(), { minLength: DOCS, maxLength: DOCS })),
});

function filterOf(w: { coders: boolean[]; documents: boolean[] | null }): CountsFilter {
  return {
    coders: Uint8Array.from(w.coders, Number),
    documents: w.documents ? Uint8Array.from(w.documents, Number) : null,
  };
}

describe('CountsIndex', () => {
  it('holds what was last set for every key, before and after merging', () => {
    fc.assert(
      fc.property(worldArb, ({ initial, ops }) => {
        const { index, rows } = play(initial, ops);
        const seen: string[] = [];
        let last = -1;
        index.forEach((code, doc, coder, n) => {
          const order = (code * DOCS + doc) * CODERS + coder;
          expect(order).toBeGreaterThan(last); // ascending, each key once
          last = order;
          seen.push(`${key(code, doc, coder)}=${n}`);
        });
        expect(seen.sort()).toEqual(
          rows.map((r) => `${key(r.code, r.doc, r.coder)}=${r.n}`).sort(),
        );
        for (const r of rows) expect(index.get(r.code, r.doc, r.coder)).toBe(r.n);
      }),
    );
  });

  it('keeps every key through long runs of writes, merges, growths and compactions', () => {
    // Hundreds of operations: the storage fills its spare room and grows, removed keys pile up
    // past an eighth and are compacted, and the merges in place move rows over each other.
    const longRun = fc.record({
      initial: fc.array(opArb, { maxLength: 200 }),
      ops: fc.array(opArb, { minLength: 300, maxLength: 1500 }),
    });
    fc.assert(
      fc.property(longRun, ({ initial, ops }) => {
        const { index, rows } = play(initial, ops);
        const { codes, docs, coders, counts } = index.columns();
        const held: string[] = [];
        for (let i = 0; i < codes.length; i++)
          if (counts[i] !== 0) held.push(`${key(codes[i]!, docs[i]!, coders[i]!)}=${counts[i]}`);
        expect(held).toEqual(
          [...rows]
            .sort((a, b) => a.code - b.code || a.doc - b.doc || a.coder - b.coder)
            .map((r) => `${key(r.code, r.doc, r.coder)}=${r.n}`),
        );
        // Removed keys are compacted away once they are more than an eighth of the rows.
        index.merge();
        expect(index.size).toBeLessThanOrEqual((rows.length * 8) / 7 + 1);
      }),
      { numRuns: 40 },
    );
  });

  it('tallies highlights, distinct documents and distinct studies per code as a recount does', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const { index, rows } = play(w.initial, w.ops);
        const shape: CountsShape = {
          codes: CODES,
          studies: STUDIES,
          docStudy: Uint32Array.from(w.docStudy),
        };
        const got = tallyCodes(index, filterOf(w), shape);
        const kept = rows.filter((r) => w.coders[r.coder] && (!w.documents || w.documents[r.doc]));
        for (let code = 0; code < CODES; code++) {
          const mine = kept.filter((r) => r.code === code);
          expect(got.highlights[code]).toBe(mine.reduce((s, r) => s + r.n, 0));
          expect(got.documents[code]).toBe(new Set(mine.map((r) => r.doc)).size);
          expect(got.studies[code]).toBe(new Set(mine.map((r) => w.docStudy[r.doc])).size);
        }
      }),
    );
  });

  it('counts each code’s studies once per group of a study attribute', () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.array(fc.nat(2), { minLength: STUDIES, maxLength: STUDIES }),
        (w, studyGroup) => {
          const { index, rows } = play(w.initial, w.ops);
          const shape = { codes: CODES, studies: STUDIES, docStudy: Uint32Array.from(w.docStudy) };
          const cells = tallyStudiesByGroup(
            index,
            filterOf(w),
            shape,
            Uint32Array.from(studyGroup),
            3,
          );
          const kept = rows.filter(
            (r) => w.coders[r.coder] && (!w.documents || w.documents[r.doc]),
          );
          for (let code = 0; code < CODES; code++)
            for (let g = 0; g < 3; g++) {
              const studies = new Set(
                kept
                  .filter((r) => r.code === code && studyGroup[w.docStudy[r.doc]!] === g)
                  .map((r) => w.docStudy[r.doc]),
              );
              expect(cells[code * 3 + g]).toBe(studies.size);
            }
        },
      ),
    );
  });

  it('sums each code’s highlights in each study of a page, and nothing for studies off it', () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.array(fc.integer({ min: -1, max: 3 }), { minLength: STUDIES, maxLength: STUDIES }),
        (w, studySlot) => {
          const { index, rows } = play(w.initial, w.ops);
          const shape = { codes: CODES, studies: STUDIES, docStudy: Uint32Array.from(w.docStudy) };
          const cells = tallyStudyCells(index, filterOf(w), shape, Int32Array.from(studySlot), 4);
          const kept = rows.filter(
            (r) => w.coders[r.coder] && (!w.documents || w.documents[r.doc]),
          );
          for (let code = 0; code < CODES; code++)
            for (let slot = 0; slot < 4; slot++) {
              const sum = kept
                .filter((r) => r.code === code && studySlot[w.docStudy[r.doc]!] === slot)
                .reduce((total, r) => total + r.n, 0);
              expect(cells[code * 4 + slot]).toBe(sum);
            }
        },
      ),
    );
  });

  it('counts the documents each pair of chosen codes share', () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.array(fc.boolean(), { minLength: CODES, maxLength: CODES }),
        (w, chosen) => {
          const { index, rows } = play(w.initial, w.ops);
          const shape = { codes: CODES, studies: STUDIES, docStudy: Uint32Array.from(w.docStudy) };
          const codes = [...chosen.keys()].filter((c) => chosen[c]);
          const slotOf = Int32Array.from(chosen, (_, c) => codes.indexOf(c));
          const pairs = documentPairs(index, filterOf(w), shape, slotOf, codes.length);
          const kept = rows.filter(
            (r) => w.coders[r.coder] && (!w.documents || w.documents[r.doc]),
          );
          const docsOf = (code: number) =>
            new Set(kept.filter((r) => r.code === code).map((r) => r.doc));
          const expected = codes.flatMap((a, i) =>
            codes.slice(i).flatMap((b, j) => {
              const shared = [...docsOf(a)].filter((d) => docsOf(b).has(d)).length;
              return shared > 0 ? [{ a: i, b: i + j, count: shared }] : [];
            }),
          );
          expect(pairs).toEqual(expected);
        },
      ),
    );
  });

  it('says which chosen coders coded in each document, and which wanted codes each applied', () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.array(fc.boolean(), { minLength: CODERS, maxLength: CODERS }),
        fc.array(fc.boolean(), { minLength: CODES, maxLength: CODES }),
        (w, chosen, wanted) => {
          const { index, rows } = play(w.initial, w.ops);
          const slots = [...chosen.keys()].filter((c) => chosen[c]);
          const slotOf = Int32Array.from(chosen, (_, c) => slots.indexOf(c));
          const shape = { docStudy: Uint32Array.from(w.docStudy) };
          const got = coderPresence(
            index,
            shape,
            slotOf,
            slots.length,
            Uint8Array.from(wanted, Number),
          );
          const mine = rows.filter((r) => chosen[r.coder]);
          const coded = new Uint8Array(DOCS * slots.length);
          for (const r of mine) coded[r.doc * slots.length + slots.indexOf(r.coder)] = 1;
          expect(got.coded).toEqual(coded);
          const applied = (triples: ArrayLike<number>) =>
            Array.from({ length: triples.length / 3 }, (_, i) =>
              key(triples[3 * i]!, triples[3 * i + 1]!, triples[3 * i + 2]!),
            ).sort();
          const expected = mine
            .filter((r) => wanted[r.code])
            .flatMap((r) => [r.doc, r.code, slots.indexOf(r.coder)]);
          expect(applied(got.applied)).toEqual(applied(expected));
        },
      ),
    );
  });

  it('refuses a number that does not fit its key', () => {
    const index = CountsIndex.fromRows([]);
    expect(() => index.set(KEY_LIMITS.codes, 0, 0, 1)).toThrow(RangeError);
    expect(() => index.set(0, -1, 0, 1)).toThrow(RangeError);
    expect(() => index.set(0, 0, 1.5, 1)).toThrow(RangeError);
  });

  it('keeps exact keys at the largest numbers', () => {
    const top = {
      code: KEY_LIMITS.codes - 1,
      doc: KEY_LIMITS.documents - 1,
      coder: KEY_LIMITS.coders - 1,
    };
    const index = CountsIndex.fromRows([
      { ...top, highlights: 3 },
      { code: top.code, doc: top.doc, coder: top.coder - 1, highlights: 2 },
    ]);
    const seen: number[][] = [];
    index.forEach((code, doc, coder, n) => seen.push([code, doc, coder, n]));
    expect(seen).toEqual([
      [top.code, top.doc, top.coder - 1, 2],
      [top.code, top.doc, top.coder, 3],
    ]);
  });
});
