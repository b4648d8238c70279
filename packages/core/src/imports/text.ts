/** Small text helpers shared by the import parsers. */

/** Drops a UTF-8 byte order mark, which Windows tools put at the start of many exports. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A file's text given as its lines, decoded one at a time from its bytes (file-lines.ts): a large
 * export is then never one string, and no record's value holds on to one (docs/decisions/023).
 */
export interface LineSource {
  /** The text's start, enough to recognise the format (detect.ts) and refuse a binary file. */
  readonly head: string;
  /** The lines without their terminators, as `eachLine` cuts a string. */
  lines(): Iterable<string>;
  /** The whole text, for the formats read as a whole (BibTeX, CSV, plain text). */
  text(): string;
}

/** A file's text: one string, or its lines. */
export type FileText = string | LineSource;

/**
 * Lines without their terminators (CRLF, LF and lone CR all end a line), one at a time, with
 * their 1-based numbers, so a large file is never held as an array of lines next to its text (a
 * 25 MB export would take another 50 MB that way).
 */
export function* eachLine(input: FileText): Generator<[line: string, number: number]> {
  let n = 1;
  if (typeof input !== 'string') {
    for (const line of input.lines()) yield [line, n++];
    return;
  }
  const s = stripBom(input);
  const re = /\r\n|\n|\r/g;
  let from = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    yield [s.slice(from, m.index), n++];
    from = re.lastIndex;
  }
  yield [s.slice(from), n];
}

/** The whole text of a file, as the formats read as a whole need it. */
export function wholeText(input: FileText): string {
  return typeof input === 'string' ? input : input.text();
}

/** Collapses runs of whitespace to one space and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The first plausible four-digit year in "2022///", "2015 Nov", "2022-05-03" or "c2019". */
export function yearFrom(value: string | undefined): number | null {
  const m = value?.match(/(?:^|\D)(1[5-9]\d\d|20\d\d|21\d\d)(?!\d)/);
  return m ? Number(m[1]) : null;
}

/** A DOI without resolver prefixes or "doi:", as it is compared and stored. */
export function normalizeDoi(value: string | undefined | null): string | null {
  if (!value) return null;
  const m = value.trim().match(/10\.\d{4,9}\/\S+/);
  return m ? m[0].replace(/[.,;]$/, '') : null;
}

/**
 * A title reduced for duplicate detection: case, accents, punctuation and spacing do not count,
 * so "Managing Peer-Support Workers…" and "managing peer support workers" match.
 */
export function normalizeTitle(title: string): string {
  const lower = title.toLocaleLowerCase('en');
  // Most titles are ASCII: only the others need the (slow) decomposition that drops accents.
  const folded = /[^ -~]/.test(lower) ? lower.normalize('NFKD').replace(/\p{M}/gu, '') : lower;
  return folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** "Grim K" style and "Katarina Grim" style names become "Surname, Given". */
export function authorName(raw: string): string {
  const name = squash(raw).replace(/,$/, '');
  if (!name || name.includes(',')) return name;
  const parts = name.split(' ');
  if (parts.length === 1) return name;
  // "Anna van der Berg": lower-case particles belong to the surname.
  let from = parts.length - 1;
  while (from > 1 && /^\p{Ll}/u.test(parts[from - 1]!)) from--;
  return `${parts.slice(from).join(' ')}, ${parts.slice(0, from).join(' ')}`;
}

/** Joins repeated values (keywords) the way they are shown and exported. */
export function joinValues(values: string[]): string {
  return values.map(squash).filter(Boolean).join('; ');
}

/** "313" and "329" → "313-329"; either may be missing. */
export function pageRange(start: string | undefined, end: string | undefined): string | null {
  const s = squash(start ?? '');
  const e = squash(end ?? '');
  // Ovid writes a missing page range as SP "No", EP "Specified".
  if (/^no$/i.test(s) && /^specified$/i.test(e)) return null;
  if (s && e && s !== e) return `${s}-${e}`;
  return s || e || null;
}

/** A value or null when blank. */
export function orNull(value: string | undefined): string | null {
  const v = squash(value ?? '');
  return v || null;
}
