/**
 * A project's rolled-up counts (highlights per code × document × coder) held in memory as sorted
 * numeric keys, so that an analysis with any filter is one pass over typed arrays (a few ms per
 * million rows) instead of a SQLite scan of text-keyed rows (about a second). Codes, documents
 * and coders are numbered by whoever builds the index; this module knows only the numbers.
 *
 * Changes arrive as absolute values (`set`): a key already in the sorted arrays is updated in
 * place, a new key waits in a small map until there are enough of them to merge.
 */

/** Room in a key: 2^16 codes × 2^24 documents × 2^12 coders fits a double's 53 exact bits. */
export const KEY_LIMITS = { codes: 2 ** 16, documents: 2 ** 24, coders: 2 ** 12 } as const;

const DOC_SPAN = KEY_LIMITS.documents;
const CODER_SPAN = KEY_LIMITS.coders;

export const packKey = (code: number, doc: number, coder: number): number =>
  (code * DOC_SPAN + doc) * CODER_SPAN + coder;

export interface CountRow {
  code: number;
  doc: number;
  coder: number;
  highlights: number;
}

/** Rows in key order, column by column (a scan reads numbers, never divides a packed key). */
export interface Columns {
  codes: Uint16Array;
  docs: Uint32Array;
  coders: Uint16Array;
  counts: Uint32Array;
}

/** New keys kept aside before they are merged into the sorted columns. */
const MERGE_AT = 50_000;

export class CountsIndex {
  /**
   * The columns' storage, longer than the rows held: new keys are merged in place, so a view
   * after each few writes does not allocate (and free) the whole index again. At 1.9 million
   * rows that was 23 MB a view, several views a second under load (issue 13: memory).
   */
  private store: Columns;
  /** Rows in `store`, in ascending key order; removed keys stay as rows of count 0. */
  private n: number;
  /** Rows of count 0 among them, compacted away once they are many. */
  private zeros = 0;
  /** `store` cut to `n` rows (views, not copies), as scans read it. */
  private rows: Columns;
  /** Keys not in `rows`, with their highlights (never 0: a removed extra key is deleted). */
  private extra = new Map<number, number>();
  private extraSorted: Float64Array | null = null;

  /** From columns in ascending key order, each key once (the arrays are kept, not copied). */
  constructor(rows: Columns) {
    const n = rows.codes.length;
    if (rows.docs.length !== n || rows.coders.length !== n || rows.counts.length !== n)
      throw new Error('CountsIndex: columns differ in length');
    this.store = rows;
    this.n = n;
    this.rows = rows;
  }

  /** Builds from rows in any order (sorted once when they are not). */
  static fromRows(rows: readonly CountRow[]): CountsIndex {
    const builder = new CountsIndexBuilder(rows.length);
    for (const r of rows) builder.add(r.code, r.doc, r.coder, r.highlights);
    return builder.build();
  }

  /** Rows held, counting removed keys that still have a place in the sorted columns. */
  get size(): number {
    return this.n + this.extra.size;
  }

  /** Sets a key's highlights; 0 removes it. */
  set(code: number, doc: number, coder: number, highlights: number): void {
    checkRange(code, doc, coder);
    const at = this.find(code, doc, coder);
    if (at >= 0) {
      const { counts } = this.rows;
      if (counts[at] === 0 && highlights !== 0) this.zeros--;
      else if (counts[at] !== 0 && highlights === 0) this.zeros++;
      counts[at] = highlights;
      return;
    }
    const key = packKey(code, doc, coder);
    if (highlights > 0) {
      if (!this.extra.has(key)) this.extraSorted = null;
      this.extra.set(key, highlights);
    } else if (this.extra.delete(key)) this.extraSorted = null;
    if (this.extra.size >= MERGE_AT) this.merge();
  }

  get(code: number, doc: number, coder: number): number {
    const at = this.find(code, doc, coder);
    return at >= 0 ? this.rows.counts[at]! : (this.extra.get(packKey(code, doc, coder)) ?? 0);
  }

  /**
   * Calls `visit` for every key with highlights, in ascending key order: by code, then document,
   * then coder. Scans rely on that order (a code's rows come together).
   */
  forEach(visit: (code: number, doc: number, coder: number, highlights: number) => void): void {
    const extra = this.sortedExtra();
    const { codes, docs, coders, counts } = this.rows;
    const n = codes.length;
    let j = 0;
    for (let i = 0; i < n; i++) {
      if (j < extra.length) {
        const key = packKey(codes[i]!, docs[i]!, coders[i]!);
        while (j < extra.length && extra[j]! < key) this.visitExtra(extra[j++]!, visit);
      }
      const count = counts[i]!;
      if (count !== 0) visit(codes[i]!, docs[i]!, coders[i]!, count);
    }
    while (j < extra.length) this.visitExtra(extra[j++]!, visit);
  }

  /**
   * Every row in ascending key order, as columns to loop over (no call per row: a scan of two
   * million rows takes milliseconds). Rows whose count is 0 were removed: skip them. New keys are
   * merged in first, when there are any. The arrays are valid until the next change.
   */
  columns(): Readonly<Columns> {
    if (this.extra.size > 0) this.merge();
    return this.rows;
  }

  /**
   * Folds the extra keys into the sorted columns, in place: from the end backwards, each row
   * moves up by the number of new keys below it, so nothing is read after it is overwritten.
   * Storage grows (by an eighth more than needed) only when the new keys do not fit.
   */
  merge(): void {
    if (this.zeros > this.n / 8) this.compact();
    const extra = this.sortedExtra();
    const m = extra.length;
    if (m === 0) return;
    if (this.n + m > this.store.codes.length) this.grow(this.n + m);
    const { codes, docs, coders, counts } = this.store;
    let i = this.n - 1;
    let w = this.n + m - 1;
    // w - i is the number of new keys still to place: once all are placed, the rows below are
    // where they belong already.
    for (let j = m - 1; j >= 0; w--) {
      const key = extra[j]!;
      if (i >= 0 && packKey(codes[i]!, docs[i]!, coders[i]!) > key) {
        codes[w] = codes[i]!;
        docs[w] = docs[i]!;
        coders[w] = coders[i]!;
        counts[w] = counts[i--]!;
      } else {
        const coder = key % CODER_SPAN;
        const rest = (key - coder) / CODER_SPAN;
        const doc = rest % DOC_SPAN;
        codes[w] = (rest - doc) / DOC_SPAN;
        docs[w] = doc;
        coders[w] = coder;
        counts[w] = this.extra.get(key)!;
        j--;
      }
    }
    this.n += m;
    this.extra.clear();
    this.extraSorted = null;
    this.cut();
  }

  /** Drops the rows of removed keys, in place. */
  private compact(): void {
    const { codes, docs, coders, counts } = this.store;
    let w = 0;
    for (let i = 0; i < this.n; i++) {
      if (counts[i] === 0) continue;
      codes[w] = codes[i]!;
      docs[w] = docs[i]!;
      coders[w] = coders[i]!;
      counts[w++] = counts[i]!;
    }
    this.n = w;
    this.zeros = 0;
    this.cut();
  }

  private grow(needed: number): void {
    const next = columns(needed + (needed >>> 3) + 64);
    const rows = this.rows;
    next.codes.set(rows.codes);
    next.docs.set(rows.docs);
    next.coders.set(rows.coders);
    next.counts.set(rows.counts);
    this.store = next;
  }

  /** Points `rows` at the first `n` rows of the storage. */
  private cut(): void {
    const { codes, docs, coders, counts } = this.store;
    const n = this.n;
    this.rows = {
      codes: codes.subarray(0, n),
      docs: docs.subarray(0, n),
      coders: coders.subarray(0, n),
      counts: counts.subarray(0, n),
    };
  }

  private visitExtra(
    key: number,
    visit: (code: number, doc: number, coder: number, highlights: number) => void,
  ): void {
    const coder = key % CODER_SPAN;
    const rest = (key - coder) / CODER_SPAN;
    const doc = rest % DOC_SPAN;
    visit((rest - doc) / DOC_SPAN, doc, coder, this.extra.get(key)!);
  }

  /** The position of a key in the sorted columns, or -1. */
  private find(code: number, doc: number, coder: number): number {
    const { codes, docs, coders } = this.rows;
    let lo = 0;
    let hi = codes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = codes[mid]! - code || docs[mid]! - doc || coders[mid]! - coder;
      if (c < 0) lo = mid + 1;
      else if (c > 0) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  private sortedExtra(): Float64Array {
    if (!this.extraSorted) this.extraSorted = Float64Array.from(this.extra.keys()).sort();
    return this.extraSorted;
  }
}

/** Collects rows for an index, cheaply when they come in key order (a scan of the primary key). */
export class CountsIndexBuilder {
  private rows: Columns;
  private n = 0;
  private sorted = true;

  constructor(expected = 1024) {
    this.rows = columns(Math.max(expected, 1));
  }

  add(code: number, doc: number, coder: number, highlights: number): void {
    if (highlights <= 0) return;
    checkRange(code, doc, coder);
    const r = this.rows;
    if (this.n === r.codes.length) this.grow();
    const n = this.n;
    if (n > 0) {
      const c = r.codes[n - 1]! - code || r.docs[n - 1]! - doc || r.coders[n - 1]! - coder;
      if (c >= 0) this.sorted = false;
    }
    this.rows.codes[n] = code;
    this.rows.docs[n] = doc;
    this.rows.coders[n] = coder;
    this.rows.counts[n] = highlights;
    this.n++;
  }

  build(): CountsIndex {
    const n = this.n;
    const r = this.rows;
    // Sized right (the expected count was exact), the columns are kept as they are: no copy.
    if (this.sorted && n === r.codes.length) return new CountsIndex(r);
    if (this.sorted)
      return new CountsIndex({
        codes: r.codes.slice(0, n),
        docs: r.docs.slice(0, n),
        coders: r.coders.slice(0, n),
        counts: r.counts.slice(0, n),
      });
    // Out of order: sort by packed key, keeping the last value of a key given twice.
    const keys = Float64Array.from({ length: n }, (_, i) =>
      packKey(r.codes[i]!, r.docs[i]!, r.coders[i]!),
    );
    const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) =>
      keys[a]! === keys[b]! ? a - b : keys[a]! - keys[b]!,
    );
    const out = columns(n);
    let k = -1;
    let last = -1;
    for (const i of order) {
      if (keys[i] !== last) k++;
      last = keys[i]!;
      out.codes[k] = r.codes[i]!;
      out.docs[k] = r.docs[i]!;
      out.coders[k] = r.coders[i]!;
      out.counts[k] = r.counts[i]!;
    }
    return new CountsIndex({
      codes: out.codes.slice(0, k + 1),
      docs: out.docs.slice(0, k + 1),
      coders: out.coders.slice(0, k + 1),
      counts: out.counts.slice(0, k + 1),
    });
  }

  private grow(): void {
    const next = columns(this.rows.codes.length * 2);
    next.codes.set(this.rows.codes);
    next.docs.set(this.rows.docs);
    next.coders.set(this.rows.coders);
    next.counts.set(this.rows.counts);
    this.rows = next;
  }
}

function columns(n: number): Columns {
  return {
    codes: new Uint16Array(n),
    docs: new Uint32Array(n),
    coders: new Uint16Array(n),
    counts: new Uint32Array(n),
  };
}

function checkRange(code: number, doc: number, coder: number): void {
  const fits = (n: number, limit: number) => Number.isInteger(n) && n >= 0 && n < limit;
  if (
    !fits(code, KEY_LIMITS.codes) ||
    !fits(doc, KEY_LIMITS.documents) ||
    !fits(coder, KEY_LIMITS.coders)
  )
    throw new RangeError(`CountsIndex: key (${code}, ${doc}, ${coder}) is out of range`);
}
