/**
 * Span arithmetic on document text. Offsets are UTF-16 code units (JavaScript string indices),
 * half-open `[start, end)`, as DESIGN.md fixes; conversions to code points happen only at the
 * exchange edge (REFI-QDA), never here.
 */

export interface Span {
  start: number;
  end: number;
}

/** How many characters of context are kept on each side of a quote for re-anchoring. */
export const CONTEXT_LENGTH = 32;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair (e.g. inside an emoji). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/**
 * Checks a span against a document's text and returns why it is invalid, or null when it is fine.
 * The message names the problem precisely because it is shown to API clients as is.
 */
export function spanProblem(text: string, span: Span, quote?: string): string | null {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    return 'start and end must be whole numbers of UTF-16 code units';
  }
  if (start < 0) return `start ${start} is negative`;
  if (end > text.length) {
    return `end ${end} is beyond the end of the document (length ${text.length})`;
  }
  if (start >= end) return `the span [${start}, ${end}) is empty: end must be greater than start`;
  if (splitsSurrogatePair(text, start)) {
    return `start ${start} splits a surrogate pair (a character such as an emoji)`;
  }
  if (splitsSurrogatePair(text, end)) {
    return `end ${end} splits a surrogate pair (a character such as an emoji)`;
  }
  if (quote !== undefined) {
    const actual = text.slice(start, end);
    if (actual !== quote) {
      return `quote does not match the text at [${start}, ${end}): the text there is ${JSON.stringify(
        abbreviate(actual),
      )}`;
    }
  }
  return null;
}

function abbreviate(s: string, max = 60): string {
  return s.length <= max ? s : `${s.slice(0, max)}…`;
}

/**
 * The quote of a span plus a little context on each side, for storage next to the offsets. The
 * context is shortened by one unit rather than cut inside a surrogate pair: a lone half is not
 * valid UTF-8 and would come back from the database as U+FFFD.
 */
export function quoteSelector(text: string, span: Span) {
  let prefixStart = Math.max(0, span.start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, span.end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd--;
  return {
    quote: text.slice(span.start, span.end),
    prefix: text.slice(prefixStart, span.start),
    suffix: text.slice(span.end, suffixEnd),
  };
}

/** True when two half-open spans share at least one code unit. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
