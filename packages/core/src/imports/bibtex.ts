import { emptyRecord, MalformedFileError, type ParseResult } from './types';
import { latexToUnicode } from './latex';
import { authorName, normalizeDoi, orNull, stripBom, yearFrom } from './text';
import { readBibtexEntries, type BibtexEntry } from './bibtex-scanner';

/** Fields kept as study attributes; the rest (file, url, mendeley-groups…) is housekeeping. */
const ATTRIBUTE_FIELDS: Record<string, string> = {
  keywords: 'keywords',
  publisher: 'publisher',
  language: 'language',
  langid: 'language',
  note: 'notes',
  annote: 'notes',
  country: 'country',
  location: 'place',
  address: 'place',
  type: 'type',
};

/**
 * Reads BibTeX or BibLaTeX. An entry that cannot be read (unbalanced braces, a lost comma) is a
 * problem and the rest imports; throws MalformedFileError when no entry can be read at all.
 */
export function parseBibtex(text: string, file: string): ParseResult {
  const { entries, failures } = readBibtexEntries(stripBom(text), file);
  if (entries.length === 0) {
    const first = failures[0];
    throw new MalformedFileError(
      'bibtex',
      file,
      first?.line ?? 1,
      first?.reason ??
        'no entries: a BibTeX entry starts like "@article{key,", and this file has none',
    );
  }
  const result: ParseResult = {
    format: 'bibtex',
    records: [],
    problems: failures.map((f) => ({
      file,
      line: f.line,
      message: `${f.reason}; the entry is left out`,
    })),
  };
  for (const entry of entries) {
    const record = toRecord(entry, file);
    if (record.title) result.records.push(record);
    else
      result.problems.push({
        file,
        line: entry.line,
        message: `@${entry.type}{${entry.key}} has no title`,
      });
  }
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}

function toRecord(entry: BibtexEntry, file: string) {
  const raw = (name: string) => entry.fields.get(name);
  const text = (...names: string[]) => {
    for (const n of names) {
      const v = raw(n);
      if (v !== undefined && v.trim()) return latexToUnicode(v);
    }
    return undefined;
  };
  const r = emptyRecord(file, entry.line);
  r.title = text('title') ?? '';
  r.authors = splitAuthors(raw('author') ?? '').map((a) =>
    // A fully braced name is an institution ("{World Health Organization}"): kept as written.
    /^\{[^{}]*\}$/.test(a) ? latexToUnicode(a) : authorName(latexToUnicode(a)),
  );
  r.year = yearFrom(raw('year') ?? raw('date'));
  r.journal = orNull(text('journal', 'journaltitle', 'booktitle'));
  r.volume = orNull(text('volume'));
  r.issue = orNull(text('number', 'issue'));
  r.pages = orNull(rejoin(raw('pages'), /-+/, '-'));
  r.doi = normalizeDoi(raw('doi'));
  r.pmid = orNull(raw('pmid')?.replace(/\D/g, ''));
  r.abstract = latexToUnicode(raw('abstract') ?? '', { paragraphs: true });
  for (const [field, attribute] of Object.entries(ATTRIBUTE_FIELDS)) {
    const value = text(field);
    if (value && !r.attributes[attribute]) r.attributes[attribute] = value;
  }
  if (r.attributes.keywords) r.attributes.keywords = rejoin(r.attributes.keywords, ',', '; ')!;
  return r;
}

/**
 * `value` split on `separator`, each part trimmed, joined with `joiner` ("12 -- 34" → "12-34").
 * Not a regex with `\s*` on both sides of the dash: on a long run of spaces with no dash it
 * backtracks quadratically (a 240 kB field kept a core busy for a minute); this is linear.
 */
function rejoin(value: string | undefined, separator: RegExp | string, joiner: string) {
  return value
    ?.split(separator)
    .map((part) => part.trim())
    .join(joiner);
}

/** Splits "A and B and {Barnes and Noble}" on " and " outside braces. */
export function splitAuthors(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && /\s/.test(c!) && /^\s+and\s/i.test(value.slice(i, i + 6))) {
      out.push(value.slice(from, i));
      i += value.slice(i).match(/^\s+and\s+/i)![0].length - 1;
      from = i + 1;
    }
  }
  out.push(value.slice(from));
  return out.map((a) => a.trim()).filter((a) => a && a.toLowerCase() !== 'others');
}
