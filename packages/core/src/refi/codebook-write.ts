import { CODEBOOK_NS } from './codebook-file';
import { codeElements, type ExportCode } from './project-write';
import { attrs } from './xml-write';

/**
 * A codebook as a REFI-QDA .qdc, valid against Codebook.xsd: the codes nested, with their
 * colours and descriptions (the schema has no place for keywords). The schema needs at least
 * one code, so an empty codebook cannot be written (the caller says so).
 */
export function writeCodebook(codes: readonly ExportCode[], origin: string): string {
  if (codes.length === 0) throw new Error('A .qdc needs at least one code');
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    `<CodeBook${attrs({ xmlns: CODEBOOK_NS, origin })}>\n<Codes>\n`,
    ...codeElements(codes),
    '</Codes>\n</CodeBook>\n',
  ].join('');
}
