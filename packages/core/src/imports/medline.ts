import { emptyRecord, MalformedFileError, type ParseResult } from './types';
import {
  eachLine,
  joinValues,
  normalizeDoi,
  orNull,
  squash,
  yearFrom,
  type FileText,
} from './text';

/*
 * PubMed's MEDLINE format (.nbib, or .txt from "Save → PubMed format"): a tag padded to four
 * characters, "- ", the value; values go on in lines indented by six spaces; records start with
 * PMID and are separated by blank lines.
 */

const TAG = /^([A-Z][A-Z0-9]{0,3}) *- (.*)$/;

/**
 * Reads a MEDLINE file. A record with a line that is neither a field nor its continuation is a
 * problem and the rest imports; throws MalformedFileError when no record can be read at all.
 */
export function parseMedline(text: FileText, file: string): ParseResult {
  const result: ParseResult = { format: 'medline', records: [], problems: [] };
  let fields: Map<string, string[]> | null = null;
  let start = 0;
  let last: string[] | null = null;
  let broken: string | null = null;
  let readable = 0;
  const flush = () => {
    if (fields && broken) result.problems.push({ file, line: start, message: broken });
    else if (fields) {
      readable++;
      addRecord(result, fields, file, start);
    }
    fields = null;
    last = null;
    broken = null;
  };
  for (const [line, n] of eachLine(text)) {
    if (!line.trim()) continue;
    const m = TAG.exec(line);
    if (m && !line.startsWith(' ')) {
      const [, tag, value] = m as unknown as [string, string, string];
      if (tag === 'PMID') {
        flush();
        fields = new Map();
        start = n;
      }
      if (!fields) continue; // text before the first record
      last = fields.get(tag) ?? [];
      last.push(value.trim());
      fields.set(tag, last);
    } else if (/^\s{2,}\S/.test(line) && last) {
      last[last.length - 1] += ' ' + line.trim();
    } else if (fields) {
      broken ??= `line ${n}, "${line.slice(0, 40)}", is neither a field ("TI  - …") nor its continuation; the record is left out`;
    }
  }
  flush();
  if (readable === 0) {
    throw stray(
      file,
      result.problems[0]?.line ?? 1,
      result.problems[0]?.message.replace(/; the record is left out$/, '') ??
        'no records: a MEDLINE record starts with "PMID- "',
    );
  }
  return result;
}

const stray = (file: string, line: number, reason: string) =>
  new MalformedFileError('medline', file, line, reason);

function addRecord(
  result: ParseResult,
  f: Map<string, string[]>,
  file: string,
  line: number,
): void {
  const one = (tag: string) => f.get(tag)?.[0];
  const all = (tag: string) => f.get(tag) ?? [];
  const r = emptyRecord(file, line);
  r.pmid = orNull(one('PMID'));
  r.title = squash(one('TI') ?? one('BTI') ?? '');
  // FAU has full names; AU ("Grim K") only when FAU is missing, as older records have.
  r.authors = (all('FAU').length ? all('FAU') : all('AU').map(initialsName)).map(squash);
  r.year = yearFrom(one('DP') ?? one('DEP'));
  r.journal = orNull(one('JT') ?? one('TA'));
  r.volume = orNull(one('VI'));
  r.issue = orNull(one('IP'));
  r.pages = orNull(one('PG'));
  r.doi = normalizeDoi([...all('LID'), ...all('AID')].find((v) => /\[doi\]/.test(v)));
  r.abstract = squash(all('AB').join(' '));
  const attributes: Record<string, string> = {
    keywords: joinValues(all('OT')),
    'MeSH terms': joinValues(all('MH')),
    language: joinValues(all('LA')),
    'publication type': joinValues(all('PT')),
  };
  r.attributes = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v));
  if (r.title) result.records.push(r);
  else result.problems.push({ file, line, message: 'the record has no title (TI)' });
}

/** "Grim K" → "Grim, K". */
function initialsName(au: string): string {
  const m = au.trim().match(/^(.*\S)\s+([A-Z]{1,4})$/);
  return m ? `${m[1]}, ${m[2]}` : au;
}
