import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImportFile, windows1252 } from '@kodbok/core';
import { decodeUpload } from '../src/services/upload-text';
import { DIR, HAS_IMPORTS } from './imports-realworld-helper';

/*
 * An upload is read a line at a time from its bytes (docs/decisions/023). Every real export in
 * ../shared/realworld/imports must then give the records, problems and warnings its whole text
 * gives, decoded the plain way: every field of every record, not only what the import tests
 * check by hand.
 */

/** The whole text, decoded independently of services/upload-text.ts. */
function wholeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le').slice(1);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return windows1252.decode(bytes);
  }
}

const read = (parse: () => unknown) => {
  try {
    return parse();
  } catch (err) {
    return err;
  }
};

describe.skipIf(!HAS_IMPORTS)('the real exports read a line at a time', () => {
  const files = HAS_IMPORTS ? readdirSync(DIR).sort() : [];

  it.each(files)('reads %s as its whole text reads', (name) => {
    const bytes = readFileSync(new URL(name, DIR));
    const [decoded] = decodeUpload({ files: [{ name, bytes }] }).files;
    const lines = read(() => parseImportFile(decoded!.text, name));
    expect(lines).toEqual(read(() => parseImportFile(wholeText(bytes), name)));
    expect((lines as { records: unknown[] }).records.length).toBeGreaterThan(0);
  });
});
