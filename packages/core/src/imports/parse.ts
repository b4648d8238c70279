import { parseBibtex } from './bibtex';
import { parseCsv, type CsvMapping, type CsvTable } from './csv';
import { detectFormat } from './detect';
import { parseMedline } from './medline';
import { parsePlainText } from './plain-text';
import { parseRis } from './ris';
import type { ImportFormat, ParseResult } from './types';

export interface ParsedFile extends ParseResult {
  file: string;
  /** Set for CSV files: what the mapping step shows. */
  table?: CsvTable;
}

/**
 * Reads one file of any supported format, recognised from its content.
 * Throws MalformedFileError when the file cannot be read as that format.
 */
export function parseImportFile(
  text: string,
  file: string,
  options: { csvMapping?: CsvMapping; format?: ImportFormat } = {},
): ParsedFile {
  const format = options.format ?? detectFormat(text, file);
  switch (format) {
    case 'ris':
      return { file, ...parseRis(text, file) };
    case 'medline':
      return { file, ...parseMedline(text, file) };
    case 'bibtex':
      return { file, ...parseBibtex(text, file) };
    case 'csv':
      return { file, ...parseCsv(text, file, options.csvMapping) };
    case 'text':
      return { file, ...parsePlainText(text, file) };
  }
}
