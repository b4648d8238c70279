/** The exchange formats an import recognises. */
export type ImportFormat = 'ris' | 'bibtex' | 'medline' | 'wos' | 'csv' | 'text';

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  ris: 'RIS',
  bibtex: 'BibTeX',
  medline: 'PubMed MEDLINE',
  wos: 'Web of Science plain text',
  csv: 'CSV',
  text: 'Plain text',
};

/** One study as read from a file, before it is stored. Empty fields are null (or '' for text). */
export interface ImportRecord {
  /** 1-based line of the file where the record starts, for messages. */
  line: number;
  /** The file the record came from (several files can be imported at once). */
  file: string;
  title: string;
  /** "Surname, Given" in author order. */
  authors: string[];
  year: number | null;
  journal: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  pmid: string | null;
  /** The abstract (or the whole text of a plain-text file); '' when the record has none. */
  abstract: string;
  /** Extra fields: keywords, publisher, custom CSV columns… */
  attributes: Record<string, string>;
}

/** A record that cannot be imported, and why. The rest of the file still imports. */
export interface ImportProblem {
  file: string;
  line: number;
  message: string;
}

export interface ParseResult {
  format: ImportFormat;
  records: ImportRecord[];
  problems: ImportProblem[];
  /** What imports, but not as the file has it (a CSV column left unmapped, and why). */
  warnings?: ImportProblem[];
}

/**
 * A file that cannot be read as its format at all (unclosed braces, a record without its end,
 * a line that belongs to no record). Nothing from such a file is imported.
 */
export class MalformedFileError extends Error {
  constructor(
    readonly format: ImportFormat,
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${FORMAT_NAMES[format]} file ${file}, line ${line}: ${reason}`);
    this.name = 'MalformedFileError';
  }
}

/** A record with every field empty, filled in by the parsers. */
export function emptyRecord(file: string, line: number): ImportRecord {
  return {
    line,
    file,
    title: '',
    authors: [],
    year: null,
    journal: null,
    volume: null,
    issue: null,
    pages: null,
    doi: null,
    pmid: null,
    abstract: '',
    attributes: {},
  };
}
