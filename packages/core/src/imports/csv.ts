import Papa from 'papaparse';
import {
  emptyRecord,
  MalformedFileError,
  type ImportProblem,
  type ImportRecord,
  type ParseResult,
} from './types';
import { codePoints, hasVisibleCharacter } from '../visible-name';
import { normalizeDoi, orNull, squash, stripBom, yearFrom } from './text';
import {
  guessAuthorSeparator,
  isPlaceholder,
  splitAuthorCell,
  type AuthorSeparator,
} from './csv-authors';

export type { AuthorSeparator } from './csv-authors';

/** Which column holds which field; columns listed in `attributes` become study attributes. */
export interface CsvMapping {
  title: string | null;
  abstract: string | null;
  authors: string | null;
  year: string | null;
  doi: string | null;
  pmid: string | null;
  journal: string | null;
  attributes: string[];
  /** Guessed from the authors column when not given. */
  authorSeparator?: AuthorSeparator;
}
export type CsvField = Exclude<keyof CsvMapping, 'attributes' | 'authorSeparator'>;
export const CSV_FIELDS: CsvField[] = [
  'title',
  'abstract',
  'authors',
  'year',
  'doi',
  'pmid',
  'journal',
];

/** The table as read, for the mapping step: header, a few rows, and the mapping used. */
export interface CsvTable {
  columns: string[];
  sample: string[][];
  delimiter: string;
  mapping: CsvMapping;
}

/** Header names that exports (Scopus, Web of Science, Covidence, Excel by hand) use. */
const GUESSES: Record<CsvField, RegExp> = {
  title: /^(title|article title|document title|ti|study title)$/i,
  abstract: /^(abstract|ab|summary)$/i,
  authors: /^(authors?|au|author full names|author names)$/i,
  year: /^(year|publication year|published year|year published|py|pub(lication)? ?date|date)$/i,
  doi: /^(doi|di)$/i,
  pmid: /^(pmid|pubmed id)$/i,
  journal: /^(journal|source title|source|so|journal\/book|publication title)$/i,
};

/**
 * Columns a CSV may bring in as study attributes. Every study carries its attributes in every
 * study list, so thousands of columns would make each list megabytes; a real export (Scopus: 54
 * columns) is far below this.
 */
export const MAX_ATTRIBUTE_COLUMNS = 500;

const SAMPLE_ROWS = 5;
/** Rows looked at to guess the mapping and the author separator. */
const GUESS_ROWS = 50;

/**
 * Reads a CSV/TSV table (comma, semicolon or tab; the delimiter is detected). Without a mapping,
 * one is guessed from the header names; every other column with a visible header becomes an
 * attribute (one without is left out with a warning; a mapping that names it is refused).
 */
export function parseCsv(
  input: string,
  file: string,
  mapping?: CsvMapping,
): ParseResult & { table: CsvTable } {
  const text = stripBom(input);
  const rows = readRows(text, file);
  const cells = rows.shift()?.cells ?? [];
  const header = uniqueNames(cells);
  if (header.length === 0) throw new MalformedFileError('csv', file, 1, 'the file is empty');
  const unnamed = unnamedColumns(cells, header);
  if (mapping) refuseUnnamedAttributes(mapping, unnamed, file);
  const guessed =
    mapping ??
    guessMapping(
      header,
      rows.slice(0, GUESS_ROWS).map((r) => r.cells),
    );
  const warnings: ImportProblem[] = [];
  if (!mapping) guessed.attributes = leaveUnnamedOut(guessed.attributes, unnamed, file, warnings);
  const used: CsvMapping = {
    ...guessed,
    authorSeparator:
      guessed.authorSeparator ??
      guessAuthorSeparator(columnCells(header, rows.slice(0, GUESS_ROWS), guessed.authors)),
  };
  if (used.attributes.length > MAX_ATTRIBUTE_COLUMNS) {
    throw new MalformedFileError(
      'csv',
      file,
      1,
      `${used.attributes.length.toLocaleString('en')} columns would become study attributes, and Kodbok takes at most ${MAX_ATTRIBUTE_COLUMNS}: remove the columns you do not need from the file, or map fewer`,
    );
  }
  for (const column of [...CSV_FIELDS.map((f) => used[f]), ...used.attributes]) {
    if (column && !header.includes(column)) {
      throw new MalformedFileError('csv', file, 1, `there is no column "${column}" to map`);
    }
  }
  const table = {
    columns: header,
    sample: rows.slice(0, SAMPLE_ROWS).map((r) => r.cells),
    delimiter: rows.delimiter,
    mapping: used,
  };
  const result: ParseResult & { table: CsvTable } = {
    format: 'csv',
    records: [],
    problems: [],
    warnings,
    table,
  };
  const unclosed = rows.unclosedAt;
  if (!used.title) {
    result.problems.push({
      file,
      line: 1,
      message: 'no column is mapped to the title; choose one',
    });
    return result;
  }
  for (const row of rows) {
    if (row.cells.length > header.length && row.cells.slice(header.length).some((c) => c.trim())) {
      result.problems.push({
        file,
        line: row.line,
        message: `the row has ${row.cells.length} cells but the header has ${header.length}`,
      });
      continue;
    }
    const record = toRecord(header, row.cells, used, file, row.line);
    if (record.title) result.records.push(record);
    else
      result.problems.push({ file, line: row.line, message: `the "${used.title}" cell is empty` });
  }
  if (unclosed !== null) {
    result.problems.push({
      file,
      line: unclosed,
      message: `${UNCLOSED}; this row and the rest of the file are left out`,
    });
  }
  return result;
}

/** The columns whose header has no visible character, by their (unique) names. */
type Unnamed = Map<string, { label: string; blank: boolean }>;

/**
 * The columns whose header shows as nothing: empty, spaces, or only zero-width and control
 * characters (the rule every name in Kodbok follows, VISIBLE_CHARACTER). Such a header cannot name
 * a study attribute. The raw header is judged, so a second one that uniqueNames made "(2)" is
 * still unnamed. The label gives the header as code points: printed, it would show nothing.
 */
function unnamedColumns(cells: string[], header: string[]): Unnamed {
  const unnamed: Unnamed = new Map();
  cells.forEach((cell, i) => {
    if (hasVisibleCharacter(cell)) return;
    const label = `column ${i + 1} (header ${codePoints(cell.trim())})`;
    unnamed.set(header[i]!, { label, blank: cell.trim() === '' });
  });
  return unnamed;
}

/** A mapping the user chose that makes an unnamed column an attribute: refused, naming it. */
function refuseUnnamedAttributes(mapping: CsvMapping, unnamed: Unnamed, file: string) {
  const column = mapping.attributes.find((c) => unnamed.has(c));
  if (column === undefined) return;
  throw new MalformedFileError(
    'csv',
    file,
    1,
    `${unnamed.get(column)!.label} has no visible character in its header, so it cannot become a study attribute: give the column a name in the file, or leave it unmapped`,
  );
}

/**
 * The guessed attributes without the unnamed columns. One whose header holds invisible characters
 * is named in a warning, since it looks like a column the user may want; an empty header is
 * plainly no column to keep, as before.
 */
function leaveUnnamedOut(
  attributes: string[],
  unnamed: Unnamed,
  file: string,
  warnings: ImportProblem[],
): string[] {
  for (const { label, blank } of unnamed.values()) {
    if (blank) continue;
    const message = `${label} has no visible character in its header, so it is not made a study attribute: give it a name in the file to import it`;
    warnings.push({ file, line: 1, message });
  }
  return attributes.filter((c) => !unnamed.has(c));
}

/**
 * The guessed mapping: known header names to fields, all other columns to attributes. With
 * `rows`, a year that has no column of its own is looked for in the journal column, where Embase
 * writes it ("Endoscopic Ultrasound (2014) 3:3 (152-160)").
 */
export function guessMapping(columns: string[], rows: string[][] = []): CsvMapping {
  const mapping: CsvMapping = {
    title: null,
    abstract: null,
    authors: null,
    year: null,
    doi: null,
    pmid: null,
    journal: null,
    attributes: [],
  };
  for (const column of columns) {
    const field = CSV_FIELDS.find((f) => !mapping[f] && GUESSES[f].test(column.trim()));
    if (field) mapping[field] = column;
    else if (column.trim()) mapping.attributes.push(column);
  }
  if (!mapping.year && mapping.journal) {
    const i = columns.indexOf(mapping.journal);
    const cells = rows.map((r) => r[i] ?? '').filter((c) => c.trim());
    if (cells.length > 0 && cells.every((c) => CITATION_YEAR.test(c)))
      mapping.year = mapping.journal;
  }
  return mapping;
}

/** "Endoscopic Ultrasound (2014) 3:3 (152-160)": a journal, then its year in parentheses. */
const CITATION_YEAR = /^(.+?)\s+\((1[5-9]\d\d|20\d\d)\)(?:\s|$)/;

/** A journal cell without the citation Embase writes after it. */
function journalOf(cell: string): string | null {
  return orNull(CITATION_YEAR.exec(cell)?.[1] ?? cell);
}

function columnCells(header: string[], rows: Row[], column: string | null): string[] {
  const i = column ? header.indexOf(column) : -1;
  return i < 0 ? [] : rows.map((r) => r.cells[i] ?? '').filter((c) => c.trim());
}

function toRecord(
  header: string[],
  cells: string[],
  m: CsvMapping,
  file: string,
  line: number,
): ImportRecord {
  const cell = (column: string | null) => {
    const value = column ? (cells[header.indexOf(column)] ?? '').trim() : '';
    return isPlaceholder(value) ? '' : value;
  };
  const r = emptyRecord(file, line);
  r.title = squash(cell(m.title));
  r.abstract = cell(m.abstract).replace(/\r\n?/g, '\n');
  r.authors = splitAuthorCell(cell(m.authors), m.authorSeparator ?? ';');
  r.year = yearFrom(cell(m.year));
  r.doi = normalizeDoi(cell(m.doi));
  r.pmid = orNull(cell(m.pmid).replace(/\D/g, ''));
  r.journal = journalOf(cell(m.journal));
  for (const column of m.attributes) {
    const value = squash(cell(column));
    if (value) r.attributes[column] = value;
  }
  return r;
}

const UNCLOSED = 'a quoted cell is not closed (a " is missing)';

interface Row {
  cells: string[];
  line: number;
}

/**
 * The rows of the table. An unclosed quote swallows the rest of the file, so reading stops there:
 * `unclosedAt` is that row's line (the rows before it import), unless no data row came before it.
 */
function readRows(
  input: string,
  file: string,
): Row[] & { delimiter: string; unclosedAt: number | null } {
  // Excel may start a file with "sep=;" to name its delimiter; the line is blanked, not removed,
  // so line numbers stay those of the file.
  const sep = /^sep=([,;\t|])\r?\n/.exec(input)?.[1];
  const text = sep ? input.replace(/^sep=.\r?/, '') : input;
  const rows: Row[] = [];
  let from = 0;
  let line = 1;
  let delimiter = ',';
  let unclosedAt: number | null = null;
  Papa.parse<string[]>(text, {
    ...(sep ? { delimiter: sep } : { delimitersToGuess: [',', ';', '\t'] }),
    skipEmptyLines: 'greedy',
    step: (step, parser) => {
      if (unclosedAt !== null) return;
      const quoteError = step.errors.find((e) => e.type === 'Quotes');
      const cursor = step.meta.cursor;
      // Papaparse reports where a row ends; its first line is the first non-blank one after the last row.
      line += countNewlines(text, from, firstNonBlank(text, from));
      const rowLine = line;
      line += countNewlines(text, firstNonBlank(text, from), cursor);
      from = cursor;
      delimiter = step.meta.delimiter;
      if (quoteError) {
        if (rows.length < 2) {
          throw new MalformedFileError('csv', file, rowLine, UNCLOSED);
        }
        unclosedAt = rowLine;
        parser.abort();
        return;
      }
      rows.push({ cells: step.data, line: rowLine });
    },
  });
  return Object.assign(rows, { delimiter, unclosedAt });
}

function firstNonBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Excel allows two columns with one name; the second becomes "Name (2)" so mapping stays
 * unambiguous. Names are cut to 90 characters first (attribute names may have 100), so two long
 * headers that differ only at the end cannot become one attribute.
 */
function uniqueNames(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((raw) => {
    const name = raw.trim().slice(0, 90);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}
