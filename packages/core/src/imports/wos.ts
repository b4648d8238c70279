import { emptyRecord, MalformedFileError, type ParseResult } from './types';
import {
  eachLine,
  joinValues,
  normalizeDoi,
  orNull,
  pageRange,
  squash,
  yearFrom,
  type FileText,
} from './text';

/*
 * Web of Science plain text, WoS's default export ("Plain text file", "Other reference software"):
 * "FN" and "VR" head the file; each record runs from "PT" to "ER"; a tag is two characters and a
 * space, and a value goes on in lines indented by three spaces. Lists (AU, AF, C1, CR) give one
 * item a line; other fields are wrapped, except AB whose lines are paragraphs.
 */

const TAG = /^([A-Z][A-Z0-9])(?: (.*))?$/;
const CONTINUED = /^ {2,3}(\S.*)$/;
const ONE_PER_LINE = new Set(['AU', 'AF', 'C1', 'CR', 'BE', 'BF']);

/** True when a file's first lines are Web of Science plain text. */
export function looksLikeWos(head: string): boolean {
  return /^FN \S/.test(head) || (/^PT [A-Z]\s*$/m.test(head) && /^ER\s*$/m.test(head));
}

/** Reads Web of Science plain text; a record without its "ER" is a problem, the rest imports. */
export function parseWos(text: FileText, file: string): ParseResult {
  const result: ParseResult = { format: 'wos', records: [], problems: [] };
  let fields: Map<string, string[]> | null = null;
  let start = 0;
  let last: { tag: string; values: string[] } | null = null;
  let complete = 0;
  for (const [line, n] of eachLine(text)) {
    const more = CONTINUED.exec(line);
    if (more) {
      if (!fields || !last) continue;
      if (ONE_PER_LINE.has(last.tag)) last.values.push(more[1]!.trim());
      else last.values[last.values.length - 1] += '\n' + more[1]!.trim();
      continue;
    }
    const m = TAG.exec(line.trimEnd());
    if (!m) continue; // blank lines, and text between records
    const [, tag, value = ''] = m as unknown as [string, string, string | undefined];
    if (tag === 'PT') {
      if (fields) result.problems.push({ file, line: start, message: noEnd(`line ${n}`) });
      fields = new Map();
      start = n;
    } else if (tag === 'ER') {
      if (fields) {
        complete++;
        addRecord(result, fields, file, start);
      }
      fields = null;
      last = null;
      continue;
    } else if (!fields) {
      continue; // FN, VR, EF
    }
    last = { tag, values: fields.get(tag) ?? [] };
    last.values.push(value.trim());
    fields.set(tag, last.values);
  }
  if (fields) result.problems.push({ file, line: start, message: noEnd('the end of the file') });
  if (complete === 0) {
    throw new MalformedFileError(
      'wos',
      file,
      result.problems[0]?.line ?? 1,
      `no complete record: a Web of Science record starts with "PT" and ends with "ER"${
        result.problems[0]
          ? `, and ${result.problems[0].message.replace(/; it is left out$/, '')}`
          : ''
      }`,
    );
  }
  return result;
}

const noEnd = (before: string) =>
  `the record that starts here has no "ER" line before ${before} (the file may be cut short); it is left out`;

function addRecord(result: ParseResult, f: Map<string, string[]>, file: string, line: number) {
  const one = (...tags: string[]) => {
    for (const t of tags) {
      const v = f.get(t)?.find((x) => x.trim());
      if (v) return v;
    }
    return undefined;
  };
  const r = emptyRecord(file, line);
  r.title = squash(one('TI') ?? '');
  // AF has the full names; AU ("Asampong, E") when AF is missing.
  r.authors = (f.get('AF') ?? f.get('AU') ?? []).map(squash).filter(Boolean);
  r.year = yearFrom(one('PY', 'EA', 'PD'));
  r.journal = orNull(one('SO', 'SE'));
  r.volume = orNull(one('VL'));
  r.issue = orNull(one('IS'));
  r.pages = pageRange(one('BP'), one('EP')) ?? orNull(one('AR'));
  r.doi = normalizeDoi(one('DI'));
  r.pmid = orNull(one('PM')?.replace(/\D/g, ''));
  r.abstract = (one('AB') ?? '')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  const attributes: Record<string, string> = {
    keywords: joinValues((one('DE') ?? '').split(';')),
    'keywords plus': joinValues((one('ID') ?? '').split(';')),
    publisher: squash(one('PU') ?? ''),
    language: squash(one('LA') ?? ''),
    type: squash(one('DT') ?? ''),
  };
  r.attributes = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v));
  if (r.title) result.records.push(r);
  else result.problems.push({ file, line, message: 'the record has no title (TI)' });
}
