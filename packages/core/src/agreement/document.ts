/**
 * One highlight's coding of one code, by one coder (a highlight with two codes gives two).
 * Offsets are UTF-16 code units, half-open [start, end).
 */
export interface CoderSpan {
  /** Index of the coder, 0 ≤ coder < CodedDocument.coders. */
  coder: number;
  codeId: string;
  start: number;
  end: number;
}

/** What the agreement functions need to know about one document. */
export interface CodedDocument {
  /** Length of the text in UTF-16 code units. */
  length: number;
  coders: number;
  /**
   * covered[c]: coder c's coding counts for this document (they were assigned it or coded in
   * it). An uncovered coder is missing (null) for every unit of the document, and their spans
   * are ignored.
   */
  covered: readonly boolean[];
  spans: readonly CoderSpan[];
}

/** A span reduced to what the sweeps need: clamped to the text and never empty. */
export interface CoderInterval {
  coder: number;
  start: number;
  end: number;
}

/** Throws a RangeError naming the problem when `doc` cannot be read as `coders` coders' work. */
export function checkDocument(doc: CodedDocument, coders: number): void {
  if (doc.coders !== coders || doc.covered.length !== coders) {
    throw new RangeError(
      `expected ${coders} coders, got coders = ${doc.coders} and ${doc.covered.length} covered flags`,
    );
  }
  if (!Number.isInteger(doc.length) || doc.length < 0) {
    throw new RangeError(`document length must be an integer >= 0, got ${doc.length}`);
  }
  for (const s of doc.spans) {
    if (!Number.isInteger(s.coder) || s.coder < 0 || s.coder >= coders) {
      throw new RangeError(`span coder must be an integer in [0, ${coders}), got ${s.coder}`);
    }
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) {
      throw new RangeError(`span offsets must be integers, got [${s.start}, ${s.end})`);
    }
  }
}

/**
 * The spans of covered coders for each of the `wanted` codes that has any, clamped to the text.
 * Spans of other codes, and spans that cover nothing once clamped (empty, inverted, outside the
 * text), are dropped; a code without spans left has no entry, so callers can take a shortcut
 * for the (usually many) codes a document does not use.
 */
export function intervalsByCode(
  doc: CodedDocument,
  wanted: ReadonlySet<string>,
): Map<string, CoderInterval[]> {
  const byCode = new Map<string, CoderInterval[]>();
  for (const s of doc.spans) {
    if (!wanted.has(s.codeId) || !doc.covered[s.coder]) continue;
    const start = clamp(s.start, doc.length);
    const end = clamp(s.end, doc.length);
    if (start >= end) continue;
    const list = byCode.get(s.codeId);
    if (list) list.push({ coder: s.coder, start, end });
    else byCode.set(s.codeId, [{ coder: s.coder, start, end }]);
  }
  return byCode;
}

/** The value of each coder for one unit: 1 coded, 0 not coded, null not covered. */
export function unitValues(
  covered: readonly boolean[],
  isCoded: (coder: number) => boolean,
): (number | null)[] {
  return covered.map((isCovered, c) => (isCovered ? (isCoded(c) ? 1 : 0) : null));
}

function clamp(n: number, length: number): number {
  return Math.min(Math.max(n, 0), length);
}
