import type { NumberedSpans } from '../agreement/span-groups';
import { NO_CODE, type HighlightColumns } from './highlight-columns';
import type { SlotsByDocument } from './highlight-scans';

/*
 * What agreement by number reads of the read worker's copy of the highlights: who coded in each
 * document, and a document's spans with coders and codes as the comparison's indices. Both go
 * over typed arrays with no object or closure per highlight.
 */

/**
 * Per document rowid, the mask of compared coders (bit `coderSlot[coder]`; -1: not compared)
 * with a coded highlight in it, in one pass over the copy in slot order.
 */
export function codedCodersByDocument(cols: HighlightColumns, coderSlot: Int32Array): Uint32Array {
  let documents = 0;
  for (let slot = 0; slot < cols.slots; slot++)
    documents = Math.max(documents, cols.docs[slot]! + 1);
  const masks = new Uint32Array(documents);
  for (let slot = 0; slot < cols.slots; slot++) {
    const doc = cols.docs[slot]!;
    const c = coderSlot[cols.coders[slot]!]!;
    if (doc >= 0 && c >= 0 && cols.code0[slot] !== NO_CODE) masks[doc]! |= 1 << c;
  }
  return masks;
}

/** A document's spans, refilled by `read` for each document (the arrays are reused). */
export class DocumentSpans implements NumberedSpans {
  readonly code: number[] = [];
  readonly coder: number[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];
  length = 0;

  constructor(
    private readonly cols: HighlightColumns,
    private readonly byDocument: SlotsByDocument,
    /** Per coder number of the copy, its index among the compared coders; -1: not compared. */
    private readonly coderSlot: Int32Array,
    /** Per code number of the copy, its index among the compared codes; -1: not compared. */
    private readonly codeSlot: Int32Array,
  ) {}

  /** The spans of compared coders and codes in document `rowid`. */
  read(rowid: number): this {
    const { cols, coderSlot } = this;
    const { firstOf, slots } = this.byDocument;
    this.code.length = this.coder.length = this.start.length = this.end.length = 0;
    const from = rowid + 1 < firstOf.length ? firstOf[rowid]! : 0;
    const to = rowid + 1 < firstOf.length ? firstOf[rowid + 1]! : 0;
    for (let i = from; i < to; i++) {
      const slot = slots[i]!;
      const c = coderSlot[cols.coders[slot]!]!;
      const c0 = cols.code0[slot]!;
      if (c < 0 || c0 === NO_CODE) continue;
      this.add(slot, c, c0);
      const c1 = cols.code1[slot]!;
      if (c1 === NO_CODE) continue;
      this.add(slot, c, c1);
      const more = cols.more.get(slot);
      if (more) for (const n of more) this.add(slot, c, n);
    }
    this.length = this.code.length;
    return this;
  }

  private add(slot: number, coder: number, n: number): void {
    const k = this.codeSlot[n]!;
    if (k < 0) return;
    this.code.push(k);
    this.coder.push(coder);
    this.start.push(this.cols.starts[slot]!);
    this.end.push(this.cols.ends[slot]!);
  }
}
