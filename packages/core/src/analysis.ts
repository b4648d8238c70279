/** Pure helpers for the analysis views and endpoints: filters, shares, search terms, matches. */

export interface Range {
  start: number;
  end: number;
}

/** "a, b,,a" → ["a", "b"]: a comma-separated id list, trimmed, without blanks or repeats. */
export function parseIdList(list: string): string[] {
  return [...new Set(list.split(',').map((s) => s.trim()))].filter((s) => s.length > 0);
}

/** `part / whole` as a fraction in [0, 1]; null when the whole is empty (undefined, not 0). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.min(1, Math.max(0, part / whole)) : null;
}

/** The words of a search: runs of letters and digits (quotes, operators and punctuation dropped). */
export function searchTerms(q: string): string[] {
  return [...new Set((q.match(/[\p{L}\p{N}]+/gu) ?? []).map(fold))].slice(0, 20);
}

/**
 * An FTS5 MATCH expression for the user's words: every word must occur, as a word prefix. Words
 * are quoted, so FTS5 syntax typed by a user (AND, NEAR, *, ") is searched for, never executed.
 * The index keeps ø, æ, œ and ß (its tokenizer only removes accents), so each word is asked for
 * in every spelling that folds to it: "tromso" finds Tromsø, and "tromsø" finds Tromso.
 * null when the query has no word at all.
 */
export function ftsQuery(q: string): string | null {
  const terms = searchTerms(q);
  if (terms.length === 0) return null;
  return terms
    .map((term) => {
      const spellings = spellingsOf(term).map((s) => `"${s}"*`);
      return spellings.length === 1 ? spellings[0] : `(${spellings.join(' OR ')})`;
    })
    .join(' AND ');
}

/** Letters the full-text index keeps but a search folds, each with its plain spelling. */
const LETTER_FOLDS: ReadonlyArray<readonly [string, string]> = [
  ['ø', 'o'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ß', 'ss'],
];
const MAX_SPELLINGS = 16;

/** A folded word in every spelling the index may hold it in (at most 16, the plain one first). */
export function spellingsOf(folded: string): string[] {
  // Spellings of each suffix, from the end: each position keeps its letter or, where a folded
  // letter's plain spelling starts (o, ae, oe, ss), may be that letter instead.
  const from: string[][] = [];
  from[folded.length] = [''];
  for (let i = folded.length - 1; i >= 0; i--) {
    const out = from[i + 1]!.map((tail) => folded[i] + tail);
    for (const [letter, plain] of LETTER_FOLDS)
      if (folded.startsWith(plain, i)) out.push(...from[i + plain.length]!.map((t) => letter + t));
    from[i] = [...new Set(out)].slice(0, MAX_SPELLINGS);
  }
  return from[0]!;
}

/**
 * Lower case without diacritics, like FTS5's `unicode61 remove_diacritics 2` tokenizer, and with
 * ø, æ, œ and ß spelled out, so a search matches however the word was typed.
 */
export function fold(s: string): string {
  let out = s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  for (const [letter, plain] of LETTER_FOLDS) out = out.replaceAll(letter, plain);
  return out;
}

/**
 * Where the query's words start a word of `text`, as merged UTF-16 ranges of `text` — the same
 * prefix, case and accent rules as the full-text index, so what was found is what is marked.
 */
export function matchRanges(text: string, q: string): Range[] {
  const terms = searchTerms(q);
  if (terms.length === 0) return [];
  const { folded, origin } = foldWithOrigin(text);
  const found: Range[] = [];
  for (const term of terms) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}`, 'gu');
    for (const m of folded.matchAll(re)) {
      const last = m.index + m[0].length - 1;
      found.push({ start: origin[m.index]!, end: origin[last]! + unitLength(text, origin[last]!) });
    }
  }
  return mergeRanges(found);
}

function foldWithOrigin(text: string) {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length;) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const f = fold(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
    i += ch.length;
  }
  return { folded, origin };
}

const unitLength = (text: string, at: number) => (text.codePointAt(at)! > 0xffff ? 2 : 1);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Sorted, overlapping or touching ranges joined. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** `text` cut into plain and marked pieces (for rendering matches as <mark>, never as HTML). */
export function splitByRanges(text: string, ranges: readonly Range[]) {
  const pieces: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const r of mergeRanges(ranges)) {
    const start = Math.max(at, Math.min(r.start, text.length));
    const end = Math.min(r.end, text.length);
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    if (end > start) pieces.push({ text: text.slice(start, end), marked: true });
    at = Math.max(at, end);
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

/** A window of about `radius` code units either side of `range`, not splitting surrogate pairs. */
export function snippetAround(text: string, range: Range, radius = 80): Range {
  let start = Math.max(0, range.start - radius);
  let end = Math.min(text.length, range.end + radius);
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  return { start, end };
}
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** A heatmap step 0–5 for `value` out of `max` (0 only for zero), so the scale is discrete. */
export function heatLevel(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(5, Math.ceil((value / max) * 5)));
}
