import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codedCodersByDocument,
  countHighlights,
  DocumentSpans,
  highlightPairs,
  HighlightColumns,
  HighlightColumnsBuilder,
  overlapCodePairs,
  slotsByDocument,
  type HeldHighlight,
} from '../src';

/*
 * The in-memory highlights against a recount from a plain list: after any run of puts and
 * removals, every count and pair a view reads must be what the definition gives.
 */

const CODES = 6;
/** parent[c]: codes 0–1 are themes, 2–5 their codes (a tree, as the codebook's closure). */
const parent = [-1, -1, 0, 0, 1, 2];
const ancestorsOf = (c: number) => {
  const up: number[] = [];
  for (let x = c; x >= 0; x = parent[x]!) up.push(x);
  return up;
};

const held = fc.record({
  doc: fc.nat({ max: 3 }),
  coder: fc.nat({ max: 2 }),
  start: fc.nat({ max: 30 }),
  length: fc.nat({ max: 10 }),
  codes: fc.uniqueArray(fc.nat({ max: CODES - 1 }), { maxLength: 4 }),
});
type Op = { put: true; rowid: number; h: HeldHighlight } | { put: false; rowid: number };
const op = fc.oneof(
  fc.record({ rowid: fc.nat({ max: 15 }), h: held }).map(({ rowid, h }): Op => ({
    put: true,
    rowid,
    h: { doc: h.doc, coder: h.coder, start: h.start, end: h.start + h.length, codes: h.codes },
  })),
  fc.nat({ max: 15 }).map((rowid): Op => ({ put: false, rowid })),
);
const mask = (n: number) => fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n });

/** Plays the ops as a database would allow them (a new rowid above the last); and as a Map. */
function play(ops: readonly Op[]) {
  const cols = new HighlightColumns(1);
  const truth = new Map<number, HeldHighlight>();
  let last = -1;
  for (const o of ops) {
    if (!o.put) {
      cols.remove(o.rowid);
      truth.delete(o.rowid);
    } else if (cols.put(o.rowid, o.h)) {
      truth.set(o.rowid, o.h);
      last = Math.max(last, o.rowid);
    } else expect(o.rowid).toBeLessThan(last);
  }
  return { cols, truth };
}

const rolledUp = (h: HeldHighlight, shown: readonly number[]) =>
  [...new Set(h.codes.flatMap(ancestorsOf))].filter((c) => shown.includes(c));

describe('HighlightColumns', () => {
  it('counts kept highlights carrying either or all of some codes as a recount does', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 80 }),
        mask(3),
        fc.option(mask(4)),
        fc.uniqueArray(fc.nat({ max: CODES - 1 }), { maxLength: 3 }),
        fc.boolean(),
        fc.option(fc.uniqueArray(fc.nat({ max: 18 }), { maxLength: 10 })),
        (ops, coders, documents, asked, all, rowids) => {
          const { cols, truth } = play(ops);
          expect(cols.size).toBe(truth.size);
          const filter = {
            coders: Uint8Array.from(coders),
            documents: documents && Uint8Array.from(documents),
          };
          const wanted = asked.map((a) =>
            Uint8Array.from({ length: CODES }, (_, c) => (ancestorsOf(c).includes(a) ? 1 : 0)),
          );
          const test = asked.length === 0 ? null : { wanted, all };
          const expected = [...truth].filter(([rowid, h]) => {
            if (rowids !== null && !rowids.includes(rowid)) return false;
            if (coders[h.coder] !== 1 || (documents && documents[h.doc] !== 1)) return false;
            const up = new Set(h.codes.flatMap(ancestorsOf));
            return (
              test === null || (all ? asked.every((a) => up.has(a)) : asked.some((a) => up.has(a)))
            );
          }).length;
          expect(countHighlights(cols, filter, test, rowids)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('counts pairs of codes within highlights and by overlap as a recount of every pair does', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 60 }),
        mask(3),
        fc.uniqueArray(fc.nat({ max: CODES - 1 }), { minLength: 1, maxLength: CODES }),
        (ops, coders, shownList) => {
          const { cols, truth } = play(ops);
          const shown = [...shownList].sort((a, b) => a - b);
          const shownOf = Array.from({ length: CODES }, (_, c) =>
            ancestorsOf(c)
              .filter((a) => shown.includes(a))
              .map((a) => shown.indexOf(a)),
          );
          const filter = { coders: Uint8Array.from(coders), documents: null };
          const k = shown.length;
          const within = new Uint32Array(k * k);
          const overlap = new Uint32Array(k * k);
          const hs = [...truth.values()].filter((h) => coders[h.coder] === 1);
          for (let i = 0; i < hs.length; i++) {
            const p = hs[i]!;
            const pc = rolledUp(p, shown).map((c) => shown.indexOf(c));
            for (const x of pc) for (const y of pc) if (x <= y) within[x * k + y]!++;
            for (let j = i; j < hs.length; j++) {
              const q = hs[j]!;
              if (p.doc !== q.doc || !(p.start < q.end && q.start < p.end)) continue;
              const cells = new Set<number>();
              for (const x of pc)
                for (const y of rolledUp(q, shown).map((c) => shown.indexOf(c)))
                  cells.add(Math.min(x, y) * k + Math.max(x, y));
              for (const cell of cells) overlap[cell]!++;
            }
          }
          expect([...highlightPairs(cols, filter, shownOf, k)]).toEqual([...within]);
          expect([...overlapCodePairs(cols, filter, shownOf, k)]).toEqual([...overlap]);
        },
      ),
    );
  });

  it('builds from highlights met in any order the same columns as put one by one', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), mask(3), fc.nat(), (ops, coders, seed) => {
        const { cols, truth } = play(ops);
        const entries = [...truth];
        // Shuffled, as the document index gives them.
        entries.sort(([a], [b]) => ((a * 7919 + seed) % 97) - ((b * 7919 + seed) % 97) || a - b);
        const builder = new HighlightColumnsBuilder(1);
        for (const [rowid, h] of entries) {
          if (h.codes.length === 0) builder.add(rowid, h.doc, h.coder, h.start, h.end, null);
          for (const c of h.codes) builder.add(rowid, h.doc, h.coder, h.start, h.end, c);
        }
        const built = builder.build();
        expect(built.size).toBe(truth.size);
        const filter = { coders: Uint8Array.from(coders), documents: null };
        const shownOf = Array.from({ length: CODES }, (_, c) => ancestorsOf(c));
        expect([...overlapCodePairs(built, filter, shownOf, CODES)]).toEqual([
          ...overlapCodePairs(cols, filter, shownOf, CODES),
        ]);
        for (const [rowid] of entries) expect(built.slotOf(rowid)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('lists every held highlight once under its document', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const { cols, truth } = play(ops);
        const { firstOf, slots } = slotsByDocument(cols);
        const listed = new Map<number, number[]>();
        for (let d = 0; d + 1 < firstOf.length; d++)
          for (let i = firstOf[d]!; i < firstOf[d + 1]!; i++)
            listed.set(cols.rowidAt(slots[i]!), [
              ...(listed.get(cols.rowidAt(slots[i]!)) ?? []),
              d,
            ]);
        expect([...listed.keys()].sort((a, b) => a - b)).toEqual(
          [...truth.keys()].sort((a, b) => a - b),
        );
        for (const [rowid, docs] of listed) expect(docs).toEqual([truth.get(rowid)!.doc]);
      }),
    );
  });

  it("gives agreement each document's spans and coders as a recount does", () => {
    // Coders 0 and 2 compared (as 1 and 0); codes 2, 3 and 5 compared (as 0, 1, 2).
    const coderSlot = Int32Array.of(1, -1, 0);
    const codeSlot = Int32Array.of(-1, -1, 0, 1, -1, 2);
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const { cols, truth } = play(ops);
        const coded = codedCodersByDocument(cols, coderSlot);
        const spans = new DocumentSpans(cols, slotsByDocument(cols), coderSlot, codeSlot);
        for (let doc = 0; doc <= 4; doc++) {
          const held = [...truth.values()].filter((h) => h.doc === doc && coderSlot[h.coder]! >= 0);
          const mask = held
            .filter((h) => h.codes.length > 0)
            .reduce((m, h) => m | (1 << coderSlot[h.coder]!), 0);
          expect(coded[doc] ?? 0).toBe(mask);
          const expected = held.flatMap((h) =>
            h.codes
              .filter((c) => codeSlot[c]! >= 0)
              .map((c) => [codeSlot[c]!, coderSlot[h.coder]!, h.start, h.end].join()),
          );
          const s = spans.read(doc);
          const got = Array.from({ length: s.length }, (_, i) =>
            [s.code[i], s.coder[i], s.start[i], s.end[i]].join(),
          );
          expect(got.sort()).toEqual(expected.sort());
        }
      }),
    );
  });

  it('grows past its first capacity and keeps more than two codes of a highlight', () => {
    const cols = new HighlightColumns(1);
    for (let r = 1; r <= 1000; r++)
      expect(cols.put(r * 3, { doc: 0, coder: 0, start: r, end: r + 1, codes: [0, 1, 2, 3] })).toBe(
        true,
      );
    expect(cols.size).toBe(1000);
    const every = { coders: Uint8Array.of(1), documents: null };
    const only3 = {
      wanted: [Uint8Array.from({ length: 4 }, (_, c) => (c === 3 ? 1 : 0))],
      all: false,
    };
    expect(countHighlights(cols, every, only3, null)).toBe(1000);
    expect(cols.put(1, { doc: 0, coder: 0, start: 0, end: 1, codes: [] })).toBe(false);
  });
});
