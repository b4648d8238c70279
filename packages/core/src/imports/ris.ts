import { emptyRecord, MalformedFileError, type ImportRecord, type ParseResult } from './types';
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
 * RIS as the reference managers and databases really write it: "TY  - " opens a record and
 * "ER  -" (with or without its trailing space) closes it; tags repeat (AU, KW); long values go on
 * over several lines; PY may be "2022///"; journals hide in T2, JO, JF, JA or J2 depending on the
 * exporter. Text between records is not data: Ovid numbers its records ("1.") and adds "NL  - " and
 * "Link to the Ovid Full Text…" after ER; JSTOR, APA PsycNET and Cochrane put a "Provider:" /
 * "Database:" / "Content:" header before them. See docs/decisions/006 for why this is hand-written.
 */

/** Two-character tags, and the longer ones APA PsycNET writes ("PMID  - ", "DESCRIPTORS  - "). */
const TAG = /^(?:([A-Z][A-Z0-9]) {1,2}|([A-Z][A-Z0-9]{2,15}) {2})-(?: (.*))?$/;

/** Tags whose continuation lines are further values: EndNote and Rayyan put one keyword a line. */
const LINE_PER_VALUE = new Set(['KW']);

type Fields = Map<string, string[]>;

interface Open {
  fields: Fields;
  start: number;
}

/**
 * Reads a RIS file. A record that cannot be read (no "ER  -" before the next record or the end,
 * an "ER  -" without its "TY  - ") is a problem and the rest imports; throws MalformedFileError
 * only when the file holds no complete record at all.
 */
export function parseRis(text: FileText, file: string): ParseResult {
  const result: ParseResult = { format: 'ris', records: [], problems: [] };
  let open: Open | null = null;
  let last: { tag: string; values: string[] } | null = null;
  /** First line of tags seen outside any record since the last ER, for "ER without TY". */
  let stray: number | null = null;
  let complete = 0;
  let lineCount = 0;
  for (const [line, n] of eachLine(text)) {
    lineCount = n;
    const m = TAG.exec(line);
    if (!m) {
      if (!line.trim() || !open || !last) continue;
      // A continuation line: the value goes on (abstracts keep the break as a paragraph; other
      // fields are squashed to one line when the record is read), or it is a value of its own.
      if (LINE_PER_VALUE.has(last.tag)) last.values.push(line.trim());
      else last.values[last.values.length - 1] += '\n' + line.trim();
      continue;
    }
    const tag = (m[1] ?? m[2])!;
    const value = m[3] ?? '';
    if (tag === 'TY') {
      if (open) result.problems.push({ file, line: open.start, message: leftOut(noEnd(n)) });
      open = { fields: new Map(), start: n };
      stray = null;
    } else if (tag === 'ER') {
      if (open) {
        complete++;
        addRecord(result, open.fields, file, open.start);
      } else if (stray !== null) {
        result.problems.push({ file, line: stray, message: leftOut(noStart(n)) });
      }
      open = null;
      last = null;
      stray = null;
      continue;
    } else if (!open) {
      // Ovid's "NL  - " after ER; a record whose TY line is lost shows itself at its ER.
      stray ??= n;
      continue;
    }
    last = { tag, values: open.fields.get(tag) ?? [] };
    last.values.push(value.trim());
    open.fields.set(tag, last.values);
  }
  if (open) result.problems.push({ file, line: open.start, message: leftOut(noEnd(null)) });
  if (complete === 0) {
    const first = result.problems[0];
    throw new MalformedFileError(
      'ris',
      file,
      first?.line ?? lineCount,
      `no complete record: a RIS record starts with "TY  - " and ends with "ER  -"${
        first ? `, and ${first.message.replace(LEFT_OUT, '')}` : ''
      }`,
    );
  }
  return result;
}

const noEnd = (next: number | null) =>
  next === null
    ? 'the record that starts here has no "ER  -" line (the file may be cut short)'
    : `the record that starts here has no "ER  -" line before the next one (line ${next})`;

const noStart = (end: number) => `the record that ends at line ${end} has no "TY  - " line`;

const LEFT_OUT = /; it is left out$/;
const leftOut = (reason: string) => `${reason}; it is left out`;

function addRecord(result: ParseResult, f: Fields, file: string, line: number) {
  const record = toRecord(f, file, line);
  if (record.title) result.records.push(record);
  else result.problems.push({ file, line, message: 'the record has no title (TI, T1 or ST)' });
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
  // ST (short title) only when there is no other: some exporters write the title nowhere else.
  r.title = squash(one('TI', 'T1', 'CT', 'BT', 'ST') ?? '');
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

/**
 * APA PsycNET writes a "PMID" tag; PubMed's RIS puts the PMID in AN with "DB  - PubMed", EndNote's
 * export of PubMed records with "DP  - NLM"; some exporters use a "PMID: n" note.
 */
function pmidOf(f: Fields): string | null {
  const tagged = f.get('PMID')?.[0]?.trim();
  if (tagged && /^\d{1,9}$/.test(tagged)) return tagged;
  const an = f.get('AN')?.[0]?.trim();
  const db = [...(f.get('DB') ?? []), ...(f.get('DP') ?? [])].join(' ');
  if (an && /^\d{1,9}$/.test(an) && /pubmed|medline|\bNLM\b/i.test(db)) return an;
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
