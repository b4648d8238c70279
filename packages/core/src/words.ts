import type { Span } from './offsets';

/**
 * Word-wise span editing for the "adjust boundaries" controls and for naming in-vivo codes.
 * A word is a run of letters, digits, apostrophes or hyphens; everything else separates words.
 * Surrogate halves are never letters here, so a moved edge never lands inside a pair.
 */
const WORD = /[\p{L}\p{N}\p{M}_'’-]/u;
const isWord = (text: string, i: number) => i >= 0 && i < text.length && WORD.test(text[i]!);

/** The offset after skipping separators, then one word, to the right of `offset`. */
export function nextWordEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && !isWord(text, i)) i++;
  while (i < text.length && isWord(text, i)) i++;
  return i;
}

/** The offset after skipping separators, then one word, to the left of `offset`. */
export function previousWordStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && !isWord(text, i - 1)) i--;
  while (i > 0 && isWord(text, i - 1)) i--;
  return i;
}

/** Where the word after the one at `offset` starts (skips the current word, then separators). */
function followingWordStart(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && isWord(text, i)) i++;
  while (i < text.length && !isWord(text, i)) i++;
  return i;
}

/** Where the word before the one ending at `offset` ends. */
function precedingWordEnd(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && isWord(text, i - 1)) i--;
  while (i > 0 && !isWord(text, i - 1)) i--;
  return i;
}

export type SpanEdge = 'start' | 'end';
export type SpanMove = 'extend' | 'shrink';

/**
 * Moves one edge of `span` by a word. Returns null when the move would empty the span or change
 * nothing, so callers can disable the button instead of sending a useless request.
 */
export function moveSpanEdge(
  text: string,
  span: Span,
  edge: SpanEdge,
  move: SpanMove,
): Span | null {
  let { start, end } = span;
  if (edge === 'start')
    start = move === 'extend' ? previousWordStart(text, start) : followingWordStart(text, start);
  else end = move === 'extend' ? nextWordEnd(text, end) : precedingWordEnd(text, end);
  if (start >= end || (start === span.start && end === span.end)) return null;
  return { start, end };
}

/** Drops whitespace at both ends of a span: a mouse selection often grabs a trailing space. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * A code name made from the participant's own words (an in-vivo code): whitespace collapsed,
 * wrapping quotes and punctuation dropped, cut at a word boundary to at most `max` characters.
 */
export function inVivoName(quote: string, max = 60): string {
  const words = quote
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s"'“”‘’«»([.,;:]+|[\s"'“”‘’«»)\].,;:]+$/gu, '');
  if (words.length <= max) return words;
  const cut = words.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
