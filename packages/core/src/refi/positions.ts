/*
 * Selection positions at the REFI-QDA edge. The standard counts Unicode code points; real tools
 * do not all agree (shared/realworld/refi-qda-deviations.md §A): NVivo counts UTF-16 code units
 * over its exported .txt, where Windows writes CRLF and so counts a line break as 2; ATLAS.ti,
 * MAXQDA, QualCoder and qc count characters with a line break as 1. Nobody counts the BOM.
 *
 * Kodbok keeps a document's text with the BOM dropped and every line break as LF, and its
 * offsets in UTF-16 units (DESIGN.md), so each way of counting becomes a map from the tool's
 * positions to Kodbok's offsets in that text.
 */

/** How a tool counts positions in a plain-text source. */
export interface PositionScheme {
  unit: 'codepoint' | 'utf16';
  /** How many positions a CRLF pair in the .txt takes (a lone CR or LF always takes 1). */
  crlf: 1 | 2;
}

export const SPEC_SCHEME: PositionScheme = { unit: 'codepoint', crlf: 2 };

/** Every scheme, the standard's first: the order breaks ties when guessing. */
export const ALL_SCHEMES: readonly PositionScheme[] = [
  SPEC_SCHEME,
  { unit: 'codepoint', crlf: 1 },
  { unit: 'utf16', crlf: 2 },
  { unit: 'utf16', crlf: 1 },
];

export function describeScheme(s: PositionScheme): string {
  const unit = s.unit === 'utf16' ? 'UTF-16 code units' : 'Unicode code points';
  return `${unit}, a CRLF line break counted as ${s.crlf}`;
}

/** The scheme a tool is known to use, from the Project's `origin`; null when unknown. */
export function schemeForOrigin(origin: string): PositionScheme | null {
  if (/nvivo/i.test(origin)) return { unit: 'utf16', crlf: 2 };
  if (/atlas\.?ti|maxqda|qualcoder|^\s*qc\b|kodbok/i.test(origin)) {
    return { unit: 'codepoint', crlf: 1 };
  }
  return null;
}

/** A source's text as Kodbok keeps it: no BOM, every CRLF and lone CR as LF. */
export function normaliseText(raw: string): string {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Maps a tool's positions in `raw` (the .txt as decoded, BOM included or not) to offsets in
 * `normaliseText(raw)`: `map[p]` for p in [0, length]. A position inside a CRLF counted as 2
 * maps past the line break; a UTF-16 position inside a surrogate pair maps inside it too (the
 * caller widens such a span, see `widenToCharacters`).
 */
export function positionMap(raw: string, scheme: PositionScheme): Int32Array {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const map: number[] = [];
  let out = 0;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
      map.push(out);
      if (scheme.crlf === 2) map.push(out + 1);
      out += 1;
      i += 2;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      map.push(out);
      if (scheme.unit === 'utf16') map.push(out + 1);
      out += 2;
      i += 2;
    } else {
      map.push(out);
      out += 1;
      i += 1;
    }
  }
  map.push(out);
  return Int32Array.from(map);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Widens [start, end) so that neither end falls between the halves of a surrogate pair. */
export function widenToCharacters(text: string, start: number, end: number) {
  const s = start > 0 && isHigh(text.charCodeAt(start - 1)) && isLow(text.charCodeAt(start));
  const e = end > 0 && isHigh(text.charCodeAt(end - 1)) && isLow(text.charCodeAt(end));
  return { start: s ? start - 1 : start, end: e ? end + 1 : end, widened: s || e };
}

/**
 * A Kodbok text as REFI-QDA gets it, and Kodbok's offsets in it as REFI-QDA's positions: the
 * text with every CRLF and lone CR as LF, positions in code points of that text. `map[i]` for
 * i in [0, text.length]; an offset inside a surrogate pair never occurs (spans are checked).
 */
export function exportPositions(text: string): { text: string; map: Int32Array } {
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    const crOfCrlf = c === 0x0d && text.charCodeAt(i + 1) === 0x0a;
    const lowOfPair = isLow(c) && i > 0 && isHigh(text.charCodeAt(i - 1));
    if (!crOfCrlf && !lowOfPair) cp++;
  }
  map[text.length] = cp;
  return { text: text.replace(/\r\n?/g, '\n'), map };
}

const WORD = /[\p{L}\p{N}]/u;

/** True when offset `p` of `text` is not inside a word (a selection usually starts and ends so). */
export function onWordBoundary(text: string, p: number): boolean {
  if (p <= 0 || p >= text.length) return true;
  return !(WORD.test(text[p - 1]!) && WORD.test(text[p]!));
}
