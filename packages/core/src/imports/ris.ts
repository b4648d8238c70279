import { emptyRecord, MalformedFileError, type ImportRecord, type ParseResult } from './types';
import { eachLine, joinValues, normalizeDoi, orNull, pageRange, squash, yearFrom } from './text';

/*
 * RIS as the reference managers and databases really write it: "TY  - " opens a record and
 * "ER  -" (with or without its trailing space) closes it; tags repeat (AU, KW); long values go on
 * over several lines; PY may be "2022///"; journals hide in T2, JO, JF, JA or J2 depending on the
 * exporter. See docs/decisions for why this is hand-written.
 */

const TAG = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/;

type Fields = Map<string, string[]>;

/** Reads a RIS file. Throws MalformedFileError for a file that is not RIS or is cut short. */
export function parseRis(text: string, file: string): ParseResult {
  const result: ParseResult = { format: 'ris', records: [], problems: [] };
  let fields: Fields | null = null;
  let start = 0;
  let last: string[] | null = null;
  let lineCount = 0;
  for (const [line, n] of eachLine(text)) {
    lineCount = n;
    const i = n - 1;
    const m = TAG.exec(line);
    if (!m) {
      if (!line.trim()) continue;
      if (!fields || !last) throw outside(file, i + 1, line);
      // A continuation line: the value goes on. Abstracts keep the break as a paragraph;
      // other fields are squashed to one line when the record is read.
      last[last.length - 1] += '\n' + line.trim();
      continue;
    }
    const [, tag, value = ''] = m as unknown as [string, string, string | undefined];
    if (tag === 'TY') {
      if (fields) throw new MalformedFileError('ris', file, i + 1, noEnd(start));
      fields = new Map([['TY', [value]]]);
      start = i + 1;
    } else if (tag === 'ER') {
      if (!fields) throw new MalformedFileError('ris', file, i + 1, 'ER without a TY before it');
      addRecord(result, fields, file, start);
      fields = null;
    } else {
      if (!fields) throw outside(file, i + 1, line);
      last = fields.get(tag!) ?? [];
      last.push(value.trim());
      fields.set(tag!, last);
      continue;
    }
    last = null;
  }
  if (fields) throw new MalformedFileError('ris', file, lineCount, noEnd(start));
  if (result.records.length + result.problems.length === 0) {
    throw new MalformedFileError('ris', file, 1, 'no records (each starts with "TY  - ")');
  }
  return result;
}

function outside(file: string, line: number, text: string) {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return new MalformedFileError(
    'ris',
    file,
    line,
    `"${shown}" is outside any record (a record starts with "TY  - " and ends with "ER  -")`,
  );
}

const noEnd = (start: number) =>
  `the record that starts at line ${start} has no "ER  -" line; the file may be cut short`;

function addRecord(result: ParseResult, f: Fields, file: string, line: number) {
  const record = toRecord(f, file, line);
  if (record.title) result.records.push(record);
  else result.problems.push({ file, line, message: 'the record has no title (TI or T1)' });
}

function toRecord(f: Fields, file: string, line: number): ImportRecord {
  const one = (...tags: string[]) => {
    for (const t of tags) {
      const v = f.get(t)?.find((x) => x.trim());
      if (v) return v;
    }
    return undefined;
  };
  const all = (...tags: string[]) => tags.flatMap((t) => f.get(t) ?? []);
  const r = emptyRecord(file, line);
  r.title = squash(one('TI', 'T1', 'CT', 'BT') ?? '');
  r.authors = all('AU', 'A1').map(squash).filter(Boolean);
  r.year = yearFrom(one('PY', 'Y1', 'DA'));
  r.journal = orNull(one('T2', 'JF', 'JO', 'JA', 'J2'));
  r.volume = orNull(one('VL'));
  r.issue = orNull(one('IS'));
  r.pages = pageRange(one('SP'), one('EP'));
  r.doi = normalizeDoi(one('DO')) ?? normalizeDoi(all('UR', 'L3').find((u) => /doi/i.test(u)));
  r.pmid = pmidOf(f);
  r.abstract = paragraphs(one('AB', 'N2') ?? '');
  const attributes: Record<string, string> = {
    keywords: joinValues(all('KW')),
    publisher: squash(one('PB') ?? ''),
    language: squash(one('LA') ?? ''),
    notes: squash(one('N1') ?? ''),
  };
  r.attributes = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v));
  return r;
}

/** PubMed's RIS puts the PMID in AN (with DB - PubMed); some exporters use a "PMID: n" note. */
function pmidOf(f: Fields): string | null {
  const an = f.get('AN')?.[0]?.trim();
  const db = f.get('DB')?.join(' ') ?? '';
  if (an && /^\d{1,9}$/.test(an) && /pubmed|medline/i.test(db)) return an;
  for (const v of [...(f.get('N1') ?? []), ...(f.get('M1') ?? [])]) {
    const m = v.match(/PMID:?\s*(\d{1,9})/i);
    if (m) return m[1]!;
  }
  return null;
}

/** Keeps paragraph breaks but not stray spacing inside lines. */
export function paragraphs(text: string): string {
  // Most abstracts are one clean line: no need to split and rebuild them.
  if (!/\n|\t| {2}/.test(text)) return text.trim();
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
