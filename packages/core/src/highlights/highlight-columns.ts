/**
 * A project's highlights held in memory as columns (docs/decisions/025): for each highlight its
 * document, coder, position and direct codes, by the highlight's rowid. The views that must look
 * at highlights one by one (excerpts of several codes, a search within a code or a study, codes
 * shared within or by overlap of highlights) then read typed arrays instead of one row of the
 * wide highlights table per highlight (10–15 µs each at a million). Documents, coders and codes
 * are numbered by whoever fills the columns; this module knows only the numbers.
 */

/** A highlight as the columns hold it. */
export interface HeldHighlight {
  doc: number;
  coder: number;
  start: number;
  end: number;
  /** Its direct codes (as highlight_codes holds them, not rolled up). */
  codes: readonly number[];
}

/** The highest rowid the columns hold (SQLite's go higher only after 4 billion rows). */
export const MAX_ROWID = 0xffffffff;
/** A code column's "none". */
export const NO_CODE = 0xffff;
/** Codes are numbered below this. */
export const MAX_CODES = NO_CODE;

/**
 * Slots in rowid order. A new highlight's rowid is above every rowid in its table, so it is
 * appended; a rowid below the last that is not held cannot be placed (`put` says so, and the
 * caller reads the project again).
 */
export class HighlightColumns {
  private rowids: Uint32Array;
  /** The highlight's document, -1 for a slot whose highlight is gone. */
  docs: Int32Array;
  coders: Uint16Array;
  starts: Uint32Array;
  ends: Uint32Array;
  /** The first two direct codes (NO_CODE: none); a third and more are in `more`. */
  code0: Uint16Array;
  code1: Uint16Array;
  readonly more = new Map<number, number[]>();
  /** Slots in use (held or gone). */
  slots = 0;
  /** Slots whose highlight is held. */
  size = 0;

  /** Empty, with room for `capacity` slots. */
  constructor(capacity = 1024) {
    const n = Math.max(16, capacity);
    this.rowids = new Uint32Array(n);
    this.docs = new Int32Array(n);
    this.coders = new Uint16Array(n);
    this.starts = new Uint32Array(n);
    this.ends = new Uint32Array(n);
    this.code0 = new Uint16Array(n);
    this.code1 = new Uint16Array(n);
  }

  /** The slot of `rowid`, or -1. */
  slotOf(rowid: number): number {
    let lo = 0;
    let hi = this.slots - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const r = this.rowids[mid]!;
      if (r === rowid) return mid;
      if (r < rowid) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Holds `h` as highlight `rowid`; false when the rowid cannot be placed (see the class). */
  put(rowid: number, h: HeldHighlight): boolean {
    let slot = this.slotOf(rowid);
    if (slot < 0) {
      if (rowid > MAX_ROWID) return false;
      if (this.slots > 0 && rowid < this.rowids[this.slots - 1]!) return false;
      if (this.slots === this.rowids.length) this.grow();
      slot = this.slots++;
      this.rowids[slot] = rowid;
      this.docs[slot] = -1;
    }
    if (this.docs[slot]! < 0) this.size++;
    for (const c of h.codes) if (!(c >= 0 && c < MAX_CODES)) throw new Error(`code number ${c}`);
    this.docs[slot] = h.doc;
    this.coders[slot] = h.coder;
    this.starts[slot] = h.start;
    this.ends[slot] = h.end;
    this.code0[slot] = h.codes[0] ?? NO_CODE;
    this.code1[slot] = h.codes[1] ?? NO_CODE;
    if (h.codes.length > 2) this.more.set(slot, h.codes.slice(2));
    else this.more.delete(slot);
    return true;
  }

  /** Forgets highlight `rowid` (nothing when it is not held). */
  remove(rowid: number): void {
    const slot = this.slotOf(rowid);
    if (slot < 0 || this.docs[slot]! < 0) return;
    this.docs[slot] = -1;
    this.code0[slot] = NO_CODE;
    this.code1[slot] = NO_CODE;
    this.more.delete(slot);
    this.size--;
  }

  /** The rowid of a slot's highlight. */
  rowidAt(slot: number): number {
    return this.rowids[slot]!;
  }

  /** A slot at the end, whatever its rowid (the builder's, which sorts them after). */
  append(rowid: number, doc: number, coder: number, start: number, end: number): number {
    if (rowid > MAX_ROWID) throw new Error(`highlight rowid ${rowid} beyond ${MAX_ROWID}`);
    if (this.slots === this.rowids.length) this.grow();
    const slot = this.slots++;
    this.rowids[slot] = rowid;
    this.docs[slot] = doc;
    this.coders[slot] = coder;
    this.starts[slot] = start;
    this.ends[slot] = end;
    this.code0[slot] = NO_CODE;
    this.code1[slot] = NO_CODE;
    this.size++;
    return slot;
  }

  /** One more direct code of a slot's highlight. */
  addCode(slot: number, code: number): void {
    if (!(code >= 0 && code < MAX_CODES)) throw new Error(`code number ${code}`);
    if (this.code0[slot] === NO_CODE) this.code0[slot] = code;
    else if (this.code1[slot] === NO_CODE) this.code1[slot] = code;
    else {
      const more = this.more.get(slot);
      if (more) more.push(code);
      else this.more.set(slot, [code]);
    }
  }

  /** Whether the slot's highlight carries a code `wanted` marks (one byte per code number). */
  carries(slot: number, wanted: Uint8Array): boolean {
    const c0 = this.code0[slot]!;
    if (c0 === NO_CODE) return false;
    if (wanted[c0] === 1) return true;
    const c1 = this.code1[slot]!;
    if (c1 === NO_CODE) return false;
    if (wanted[c1] === 1) return true;
    const more = this.more.get(slot);
    return more !== undefined && more.some((c) => wanted[c] === 1);
  }

  /** Calls `each` with every direct code of the slot's highlight. */
  codesOf(slot: number, each: (code: number) => void): void {
    const c0 = this.code0[slot]!;
    if (c0 === NO_CODE) return;
    each(c0);
    const c1 = this.code1[slot]!;
    if (c1 === NO_CODE) return;
    each(c1);
    this.more.get(slot)?.forEach(each);
  }

  private grow(): void {
    // A quarter more: at a million highlights each slot is 22 bytes, and doubling would hold
    // up to twice the project's.
    const n = Math.ceil(this.rowids.length * 1.25);
    const longer = <T extends Int32Array | Uint16Array | Uint32Array>(
      a: T,
      make: new (n: number) => T,
    ): T => {
      const b = new make(n);
      b.set(a);
      return b;
    };
    this.rowids = longer(this.rowids, Uint32Array);
    this.docs = longer(this.docs, Int32Array);
    this.coders = longer(this.coders, Uint16Array);
    this.starts = longer(this.starts, Uint32Array);
    this.ends = longer(this.ends, Uint32Array);
    this.code0 = longer(this.code0, Uint16Array);
    this.code1 = longer(this.code1, Uint16Array);
  }
}

/**
 * Builds the columns from rows met in any order of highlights (a highlight's codes together):
 * read by document, as the document index gives them, then sorted by rowid once. Held in typed
 * arrays throughout: a million highlights as arrays of numbers and of codes took 90 MB.
 */
export class HighlightColumnsBuilder {
  private readonly raw: HighlightColumns;
  private last = -1;

  constructor(capacity = 1024) {
    this.raw = new HighlightColumns(capacity);
  }

  /** A highlight, or one more code of the highlight added last (`code` null: none). */
  add(rowid: number, doc: number, coder: number, start: number, end: number, code: number | null) {
    const raw = this.raw;
    if (this.last < 0 || raw.rowidAt(this.last) !== rowid) {
      this.last = raw.append(rowid, doc, coder, start, end);
    }
    if (code !== null) raw.addCode(this.last, code);
  }

  build(): HighlightColumns {
    const raw = this.raw;
    const n = raw.slots;
    const order = sortedSlots(raw, n);
    // An eighth more room: new highlights are appended without growing at once.
    const cols = new HighlightColumns(n + (n >> 3));
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      if (k > 0 && raw.rowidAt(i) === raw.rowidAt(order[k - 1]!))
        throw new Error(`highlight ${raw.rowidAt(i)} met twice`);
      const codes: number[] = [];
      raw.codesOf(i, (c) => codes.push(c));
      cols.put(raw.rowidAt(i), {
        doc: raw.docs[i]!,
        coder: raw.coders[i]!,
        start: raw.starts[i]!,
        end: raw.ends[i]!,
        codes,
      });
    }
    return cols;
  }
}

/** Slots 0..n-1 of `raw` by rowid: a native sort of rowid × n + slot where that is exact. */
function sortedSlots(raw: HighlightColumns, n: number): Uint32Array {
  const order = new Uint32Array(n);
  if (n * (MAX_ROWID + 1) <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = raw.rowidAt(i) * n + i;
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = keys[i]! % n;
  } else {
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((i, j) => raw.rowidAt(i) - raw.rowidAt(j));
  }
  return order;
}
