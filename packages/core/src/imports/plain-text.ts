import { emptyRecord, MalformedFileError, type ParseResult } from './types';
import { stripBom } from './text';

/** A plain-text file is one study: its title is the file name, its text the whole file. */
export function parsePlainText(input: string, file: string): ParseResult {
  const text = stripBom(input).replace(/\r\n?/g, '\n').trim();
  if (!text) throw new MalformedFileError('text', file, 1, 'the file is empty');
  const record = emptyRecord(file, 1);
  record.title = titleFromFileName(file);
  record.abstract = text;
  return { format: 'text', records: [record], problems: [] };
}

/** "Grim_2022-managers.txt" → "Grim 2022 managers". */
export function titleFromFileName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const title = base
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return title || 'Untitled text';
}
