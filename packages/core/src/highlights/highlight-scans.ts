import { sweepOverlaps } from '../overlaps';
import { NO_CODE, type HighlightColumns } from './highlight-columns';

/*
 * Views over HighlightColumns: each one pass over the project's highlights, or over the rowids a
 * search matched, with the filters as byte masks. Codes roll up through `shownOf`, built by the
 * caller from the codebook's closure, so a change of the codebook's tree needs no change here.
 */

/** Whose highlights and which documents a view keeps: a byte per coder and per document. */
export interface HighlightFilter {
  coders: Uint8Array;
  /** null: every document. */
  documents: Uint8Array | null;
}

/**
 * Which codes a highlight must carry: a byte per direct code for each code asked for (its
 * subtree marked); `all`: one of each mask, else one of any.
 */
export interface CodeTest {
  wanted: readonly Uint8Array[];
  all: boolean;
}

function kept(cols: HighlightColumns, filter: HighlightFilter, slot: number): boolean {
  const doc = cols.docs[slot]!;
  return (
    doc >= 0 &&
    filter.coders[cols.coders[slot]!] === 1 &&
    (filter.documents === null || filter.documents[doc] === 1)
  );
}

function passes(cols: HighlightColumns, test: CodeTest, slot: number): boolean {
  if (test.all) return test.wanted.every((w) => cols.carries(slot, w));
  return test.wanted.some((w) => cols.carries(slot, w));
}

/**
 * How many highlights the filter keeps that pass `test` (null: any), among those of `rowids`
 * (each once; null: all).
 */
export function countHighlights(
  cols: HighlightColumns,
  filter: HighlightFilter,
  test: CodeTest | null,
  rowids: Iterable<number> | null,
): number {
  let n = 0;
  const count = (slot: number) => {
    if (kept(cols, filter, slot) && (test === null || passes(cols, test, slot))) n++;
  };
  if (rowids === null) for (let slot = 0; slot < cols.slots; slot++) count(slot);
  else
    for (const rowid of rowids) {
      const slot = cols.slotOf(rowid);
      if (slot >= 0) count(slot);
    }
  return n;
}

/**
 * The shown codes a highlight rolls up to, each once and ascending, into `into` (its length is
 * returned): `shownOf[code]` lists those of one direct code. `seen` has a slot per shown code.
 */
function shownCodes(
  cols: HighlightColumns,
  slot: number,
  shownOf: ReadonlyArray<readonly number[] | undefined>,
  seen: Int32Array,
  stamp: number,
  into: number[],
): number {
  into.length = 0;
  cols.codesOf(slot, (code) => {
    for (const s of shownOf[code] ?? []) {
      if (seen[s] === stamp) continue;
      seen[s] = stamp;
      into.push(s);
    }
  });
  if (into.length > 1) into.sort((a, b) => a - b);
  return into.length;
}

/**
 * Co-occurrence within highlights: `pairs[a * shown + b]` (a ≤ b) is how many highlights the
 * filter keeps carry shown codes a and b (rolled up); a with itself, how many carry a.
 */
export function highlightPairs(
  cols: HighlightColumns,
  filter: HighlightFilter,
  shownOf: ReadonlyArray<readonly number[] | undefined>,
  shown: number,
): Uint32Array {
  const pairs = new Uint32Array(shown * shown);
  const seen = new Int32Array(shown).fill(-1);
  const codes: number[] = [];
  // Most highlights carry one code: its shown codes, sorted once, are the highlight's (a whole
  // project's million: 120 ms, against 230 ms gathering each highlight's).
  const sorted = shownOf.map((list) => (list ? [...list].sort((a, b) => a - b) : []));
  const tally = (list: readonly number[], n: number) => {
    for (let i = 0; i < n; i++) {
      const row = list[i]! * shown;
      for (let j = i; j < n; j++) pairs[row + list[j]!]!++;
    }
  };
  for (let slot = 0; slot < cols.slots; slot++) {
    const c0 = cols.code0[slot]!;
    if (c0 === NO_CODE || !kept(cols, filter, slot)) continue;
    if (cols.code1[slot] === NO_CODE) {
      const list = sorted[c0]!;
      tally(list, list.length);
    } else tally(codes, shownCodes(cols, slot, shownOf, seen, slot, codes));
  }
  return pairs;
}

interface PlacedSlot {
  document: number;
  start: number;
  end: number;
  codes: number[];
}

/**
 * Co-occurrence by overlap: `pairs[a * shown + b]` (a ≤ b) is how many unordered pairs of
 * overlapping highlights of one document (a highlight with itself included), both kept by the
 * filter, carry a on one and b on the other; each pair of highlights counts a pair of codes once.
 * The highlights are bucketed by document, and only one document's are made objects at a time:
 * without a code filter they are the project's million.
 */
export function overlapCodePairs(
  cols: HighlightColumns,
  filter: HighlightFilter,
  shownOf: ReadonlyArray<readonly number[] | undefined>,
  shown: number,
): Uint32Array {
  // One pass over the project: the highlights in scope carrying a shown code. Testing a byte per
  // code here, and gathering a highlight's shown codes only for those kept, halved a theme's
  // time (a million highlights, 50,000 kept).
  const anyShown = Uint8Array.from(shownOf, (list) => (list && list.length > 0 ? 1 : 0));
  const all = new Uint32Array(cols.slots);
  let n = 0;
  for (let slot = 0; slot < cols.slots; slot++)
    if (kept(cols, filter, slot) && cols.carries(slot, anyShown)) all[n++] = slot;
  const { firstOf, slots: bySlot } = slotsByDocument(cols, all.subarray(0, n));
  const documents = firstOf.length - 1;

  const seen = new Int32Array(shown).fill(-1);
  const codes: number[] = [];
  const pairs = new Uint32Array(shown * shown);
  // A cell counts a pair of highlights once: stamped with the pair's number.
  const counted = new Int32Array(shown * shown).fill(-1);
  let pairNo = 0;
  const count = (p: PlacedSlot, q: PlacedSlot) => {
    pairNo++;
    for (const x of p.codes)
      for (const y of q.codes) {
        const cell = x <= y ? x * shown + y : y * shown + x;
        if (counted[cell] === pairNo) continue;
        counted[cell] = pairNo;
        pairs[cell]!++;
      }
  };
  for (let d = 0; d < documents; d++) {
    const placed: PlacedSlot[] = [];
    for (let i = firstOf[d]!; i < firstOf[d + 1]!; i++) {
      const slot = bySlot[i]!;
      shownCodes(cols, slot, shownOf, seen, slot, codes);
      placed.push({
        document: d,
        start: cols.starts[slot]!,
        end: cols.ends[slot]!,
        codes: codes.slice(),
      });
    }
    placed.sort((p, q) => p.start - q.start);
    sweepOverlaps(placed, count);
  }
  return pairs;
}

/** The held highlights by document: those of document d are slots[firstOf[d]..firstOf[d + 1]). */
export interface SlotsByDocument {
  firstOf: Uint32Array;
  slots: Uint32Array;
}

/**
 * Every held highlight by document, or those of `among` (held slots, ascending): a counting
 * sort, so a document's highlights keep their slot (rowid) order.
 */
export function slotsByDocument(cols: HighlightColumns, among?: Uint32Array): SlotsByDocument {
  const each = (visit: (slot: number, doc: number) => void) => {
    if (among) for (const slot of among) visit(slot, cols.docs[slot]!);
    else
      for (let slot = 0; slot < cols.slots; slot++) {
        const d = cols.docs[slot]!;
        if (d >= 0) visit(slot, d);
      }
  };
  let documents = 0;
  each((_, d) => (documents = Math.max(documents, d + 1)));
  const firstOf = new Uint32Array(documents + 1);
  each((_, d) => firstOf[d + 1]!++);
  for (let d = 0; d < documents; d++) firstOf[d + 1]! += firstOf[d]!;
  const slots = new Uint32Array(firstOf[documents]!);
  const next = firstOf.slice(0, documents);
  each((slot, d) => (slots[next[d]!++] = slot));
  return { firstOf, slots };
}
