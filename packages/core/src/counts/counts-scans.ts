import type { CountsIndex } from './counts-index';

/*
 * The analysis views' counts from a CountsIndex in one pass each over its columns, with the
 * columns held in locals (two million rows in tens of milliseconds). A code's rows come together
 * (the index's key order), so "counted for this code yet?" is a stamp per document or study
 * holding the last code that counted it: distinct counts without a set per code.
 */

/** Which rows count: coders by number, and documents by number (null: every document). */
export interface CountsFilter {
  coders: Uint8Array;
  documents: Uint8Array | null;
}

/** The project's shape in numbers: each document's study, and how many of each there are. */
export interface CountsShape {
  codes: number;
  studies: number;
  /** docStudy[doc] = the document's study. */
  docStudy: Uint32Array;
}

export interface CodeTallies {
  highlights: Float64Array;
  documents: Uint32Array;
  studies: Uint32Array;
}

/** Every document kept, when the filter keeps them all (one test per row instead of two). */
const everyDocument = (filter: CountsFilter, docs: number) =>
  filter.documents ?? new Uint8Array(docs).fill(1);

/** Per code: highlights, and the distinct documents and studies they are in. */
export function tallyCodes(
  index: CountsIndex,
  filter: CountsFilter,
  shape: CountsShape,
): CodeTallies {
  const highlights = new Float64Array(shape.codes);
  const documents = new Uint32Array(shape.codes);
  const studies = new Uint32Array(shape.codes);
  const docSeen = new Int32Array(shape.docStudy.length).fill(-1);
  const studySeen = new Int32Array(shape.studies).fill(-1);
  const { codes, docs, coders, counts } = index.columns();
  const coderOk = filter.coders;
  const docOk = everyDocument(filter, shape.docStudy.length);
  const docStudy = shape.docStudy;
  for (let i = 0, n = codes.length; i < n; i++) {
    const count = counts[i]!;
    const doc = docs[i]!;
    if (count === 0 || coderOk[coders[i]!] !== 1 || docOk[doc] !== 1) continue;
    const code = codes[i]!;
    highlights[code]! += count;
    if (docSeen[doc] !== code) {
      docSeen[doc] = code;
      documents[code]!++;
    }
    const study = docStudy[doc]!;
    if (studySeen[study] !== code) {
      studySeen[study] = code;
      studies[code]!++;
    }
  }
  return { highlights, documents, studies };
}

/**
 * Distinct studies per code and group: `cells[code * groups + g]`, where `studyGroup[study]` is
 * the study's group (a value of an attribute, or the group of studies without it).
 */
export function tallyStudiesByGroup(
  index: CountsIndex,
  filter: CountsFilter,
  shape: CountsShape,
  studyGroup: Uint32Array,
  groups: number,
): Uint32Array {
  const cells = new Uint32Array(shape.codes * groups);
  const studySeen = new Int32Array(shape.studies).fill(-1);
  const { codes, docs, coders, counts } = index.columns();
  const coderOk = filter.coders;
  const docOk = everyDocument(filter, shape.docStudy.length);
  const docStudy = shape.docStudy;
  for (let i = 0, n = codes.length; i < n; i++) {
    const doc = docs[i]!;
    if (counts[i] === 0 || coderOk[coders[i]!] !== 1 || docOk[doc] !== 1) continue;
    const code = codes[i]!;
    const study = docStudy[doc]!;
    if (studySeen[study] === code) continue;
    studySeen[study] = code;
    cells[code * groups + studyGroup[study]!]!++;
  }
  return cells;
}

/**
 * Highlights per code and study, for the studies with a slot (`studySlot[study]` ≥ 0; -1 for
 * the others): `cells[code * slots + slot]`. The matrix's page of studies.
 */
export function tallyStudyCells(
  index: CountsIndex,
  filter: CountsFilter,
  shape: CountsShape,
  studySlot: Int32Array,
  slots: number,
): Float64Array {
  const cells = new Float64Array(shape.codes * slots);
  const { codes, docs, coders, counts } = index.columns();
  const coderOk = filter.coders;
  const docOk = everyDocument(filter, shape.docStudy.length);
  const docStudy = shape.docStudy;
  for (let i = 0, n = codes.length; i < n; i++) {
    const count = counts[i]!;
    const doc = docs[i]!;
    if (count === 0 || coderOk[coders[i]!] !== 1 || docOk[doc] !== 1) continue;
    const slot = studySlot[docStudy[doc]!]!;
    if (slot >= 0) cells[codes[i]! * slots + slot]! += count;
  }
  return cells;
}

/**
 * Documents shared by each pair of codes (a ≤ b, a code with itself: its documents), for the
 * codes with a slot (`slotOf[code]` ≥ 0). One bitset of documents per code, then a popcount of
 * each pair's intersection: codes² × documents / 32 word operations.
 */
export function documentPairs(
  index: CountsIndex,
  filter: CountsFilter,
  shape: CountsShape,
  slotOf: Int32Array,
  slots: number,
): Array<{ a: number; b: number; count: number }> {
  const words = Math.ceil(shape.docStudy.length / 32);
  const bits = new Uint32Array(slots * words);
  const { codes, docs, coders, counts } = index.columns();
  const coderOk = filter.coders;
  const docOk = everyDocument(filter, shape.docStudy.length);
  for (let i = 0, n = codes.length; i < n; i++) {
    const slot = slotOf[codes[i]!]!;
    const doc = docs[i]!;
    if (slot < 0 || counts[i] === 0 || coderOk[coders[i]!] !== 1 || docOk[doc] !== 1) continue;
    bits[slot * words + (doc >>> 5)]! |= 1 << (doc & 31);
  }
  const pairs: Array<{ a: number; b: number; count: number }> = [];
  for (let a = 0; a < slots; a++) {
    for (let b = a; b < slots; b++) {
      let count = 0;
      for (let w = 0, x = a * words, y = b * words; w < words; w++)
        count += popcount(bits[x + w]! & bits[y + w]!);
      if (count > 0) pairs.push({ a, b, count });
    }
  }
  return pairs;
}

/** How many bits of a 32-bit integer are set. */
export function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** What the chosen coders did in each document, from the counts (agreement at the document level). */
export interface CoderPresence {
  /** coded[doc * slots + slot]: 1 when that coder has any highlight in the document. */
  coded: Uint8Array;
  /** Flat triples (doc, code, slot), in key order: the coder applied a wanted code in the document. */
  applied: Uint32Array;
}

/**
 * Per document, which of the chosen coders (`slotOf[coder]` ≥ 0) coded anything in it, and which
 * wanted codes (`wanted[code]` = 1) each applied there. A count of a code holds its descendants'
 * highlights too, so only codes without children may be wanted: for those, "counted" is
 * "applied". One pass over the columns.
 */
export function coderPresence(
  index: CountsIndex,
  shape: Pick<CountsShape, 'docStudy'>,
  slotOf: Int32Array,
  slots: number,
  wanted: Uint8Array,
): CoderPresence {
  const coded = new Uint8Array(shape.docStudy.length * slots);
  const { codes, docs, coders, counts } = index.columns();
  const n = codes.length;
  // Two passes, so the triples go straight into a typed array of the right size.
  let triples = 0;
  for (let i = 0; i < n; i++) {
    const slot = slotOf[coders[i]!]!;
    if (slot < 0 || counts[i] === 0) continue;
    coded[docs[i]! * slots + slot] = 1;
    if (wanted[codes[i]!] === 1) triples++;
  }
  const applied = new Uint32Array(triples * 3);
  for (let i = 0, j = 0; i < n; i++) {
    const slot = slotOf[coders[i]!]!;
    if (slot < 0 || counts[i] === 0 || wanted[codes[i]!] !== 1) continue;
    applied[j++] = docs[i]!;
    applied[j++] = codes[i]!;
    applied[j++] = slot;
  }
  return { coded, applied };
}
