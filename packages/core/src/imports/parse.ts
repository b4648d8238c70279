import { parseBibtex } from './bibtex';
import { parseCsv, type CsvMapping, type CsvTable } from './csv';
import { detectFormat } from './detect';
import { parseMedline } from './medline';
import { parsePlainText } from './plain-text';
import { parseRis } from './ris';
import { parseWos } from './wos';
import { wholeText, type FileText } from './text';
import { MalformedFileError, type ImportFormat, type ParseResult } from './types';

export interface ParsedFile extends ParseResult {
  file: string;
  /** Set for CSV files: what the mapping step shows. */
  table?: CsvTable;
}

/**
 * Reads one file of any supported format, recognised from its content: RIS, MEDLINE and Web of
 * Science a line at a time when the text is given as lines, the others whole.
 * Throws MalformedFileError when the file cannot be read as that format.
 */
export function parseImportFile(
  text: FileText,
  file: string,
  options: { csvMapping?: CsvMapping; format?: ImportFormat } = {},
): ParsedFile {
  const head = typeof text === 'string' ? text : text.head;
  refuseBinary(head, file);
  const format = options.format ?? detectFormat(head, file);
  switch (format) {
    case 'ris':
      return { file, ...parseRis(text, file) };
    case 'medline':
      return { file, ...parseMedline(text, file) };
    case 'wos':
      return { file, ...parseWos(text, file) };
    case 'bibtex':
      return { file, ...parseBibtex(wholeText(text), file) };
    case 'csv':
      return { file, ...parseCsv(wholeText(text), file, options.csvMapping) };
    case 'text':
      return { file, ...parsePlainText(wholeText(text), file) };
  }
}

/**
 * A PDF, a Word file or an image would otherwise become one "plain text" study full of noise.
 * Text never contains NUL characters; these formats do within their first bytes.
 */
function refuseBinary(text: string, file: string): void {
  const head = text.slice(0, 4096);
  if (head.startsWith('%PDF-')) {
    throw new MalformedFileError(
      'text',
      file,
      1,
      'this is a PDF; paste its text, or export the references as RIS, BibTeX, MEDLINE or CSV',
    );
  }
  if (head.includes('\u0000')) {
    throw new MalformedFileError(
      'text',
      file,
      1,
      'this is not a text file; export the references as RIS, BibTeX, MEDLINE or CSV',
    );
  }
}
