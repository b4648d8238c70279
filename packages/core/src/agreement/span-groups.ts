/** A document's spans as parallel arrays: span i is `code[i]` (an index of the codes compared). */
export interface NumberedSpans {
  code: ArrayLike<number>;
  coder: ArrayLike<number>;
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  length: number;
}

/**
 * Groups a document's spans by code, as `intervalsByCode` does for objects (document.ts), but
 * into arrays reused from one document to the next: at a million highlights, a map and arrays
 * per document and code were most of the character level's time. After `group`, the spans of
 * each code in use lie together in `coder`, `start` and `end` (clamped, non-empty, of covered
 * coders), from `from[g]` to `from[g + 1]` for the code `codes[g]`.
 */
export class SpanGroups {
  readonly coder: number[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];
  /** The codes with spans, in order of first use. */
  readonly codes: number[] = [];
  readonly from: number[] = [];
  /** Per code: spans kept, then where the next of the code goes; 0 again after each document. */
  private readonly counts: Int32Array;
  private readonly kept: number[] = [];

  constructor(codes: number) {
    this.counts = new Int32Array(codes);
  }

  /**
   * Groups the spans of a document of `length` characters; spans of codes below 0, of coders
   * not in `covered` (bit c: coder c), or empty once clamped to the text are left out.
   */
  group(length: number, covered: number, spans: NumberedSpans): void {
    const { counts, kept, codes, from } = this;
    kept.length = codes.length = from.length = 0;
    for (let i = 0; i < spans.length; i++) {
      const code = spans.code[i]!;
      if (code < 0 || ((covered >> spans.coder[i]!) & 1) === 0) continue;
      if (clamp(spans.start[i]!, length) >= clamp(spans.end[i]!, length)) continue;
      if (counts[code]!++ === 0) codes.push(code);
      kept.push(i);
    }
    let at = 0;
    for (const code of codes) {
      from.push(at);
      const n = counts[code]!;
      counts[code] = at;
      at += n;
    }
    from.push(at);
    this.coder.length = this.start.length = this.end.length = at;
    for (const i of kept) {
      const to = counts[spans.code[i]!]!++;
      this.coder[to] = spans.coder[i]!;
      this.start[to] = clamp(spans.start[i]!, length);
      this.end[to] = clamp(spans.end[i]!, length);
    }
    for (const code of codes) counts[code] = 0;
  }
}

function clamp(n: number, length: number): number {
  return Math.min(Math.max(n, 0), length);
}

/**
 * Sorts `a` by `compare`, stably; by insertion while short (a code's spans in one document, and
 * their matches, mostly are), which is quicker there than the engine's sort.
 */
export function sortShort(a: number[], compare: (x: number, y: number) => number): void {
  if (a.length > 24) {
    a.sort(compare);
    return;
  }
  for (let i = 1; i < a.length; i++) {
    const v = a[i]!;
    let j = i - 1;
    for (; j >= 0 && compare(a[j]!, v) > 0; j--) a[j + 1] = a[j]!;
    a[j + 1] = v;
  }
}
