import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesOf } from '../../src/imports/file-lines';
import { parseImportFile } from '../../src/imports/parse';
import { eachLine, stripBom } from '../../src/imports/text';
import { fixture } from './fixture';

/*
 * A file read a line at a time from its bytes must read exactly as the same file decoded whole:
 * the same lines (every kind of line end, a last line with or without one), the same text, and a
 * head that is the text's start.
 */

const utf8 = (s: string) => new TextEncoder().encode(s);
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
const linesOfString = (s: string) => [...eachLine(s)].map(([line]) => line);

/** Text made of what line-cutting must get right: every line end, multi-byte characters. */
const piece = fc.constantFrom(
  '\r\n',
  '\n',
  '\r',
  '\r\r\n',
  'TY  - ',
  'abc',
  'å',
  '—',
  '😀',
  ' ',
  '',
);
const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

describe('linesOf', () => {
  it('cuts a UTF-8 file into the lines its decoded text has', () => {
    fc.assert(
      fc.property(text, (s) => {
        const source = linesOf(utf8(s), UTF8);
        expect([...source.lines()]).toEqual(linesOfString(s));
        expect(source.text()).toBe(s);
        expect(source.head).toBe(s);
      }),
    );
  });

  it('numbers the lines as a whole text numbers them', () => {
    const s = 'TY  - JOUR\r\nTI  - One\rER  - \n\nTY  - JOUR\n';
    expect([...eachLine(linesOf(utf8(s), UTF8))]).toEqual([...eachLine(s)]);
  });

  it('decodes each line with the decoder it is given', () => {
    const upper = { decode: (b: Uint8Array) => new TextDecoder().decode(b).toUpperCase() };
    expect([...linesOf(utf8('ab\r\ncd'), upper).lines()]).toEqual(['AB', 'CD']);
  });

  it('keeps a UTF-8 character whole at the end of the head of a large file', () => {
    // 2-byte characters after one ASCII byte: 65,536 bytes in, a character is cut in two.
    const s = 'x' + 'å'.repeat(40_000);
    const { head } = linesOf(utf8(s), UTF8);
    expect(head.length).toBeGreaterThanOrEqual(16_384);
    expect(head).not.toContain('\ufffd');
    expect(s.startsWith(head)).toBe(true);
  });

  it('gives every fixture the records, problems and errors its whole text gives', () => {
    const read = (parse: () => unknown) => {
      try {
        return parse();
      } catch (err) {
        return err;
      }
    };
    const names = readdirSync(new URL('../fixtures/', import.meta.url));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const whole = fixture(name);
      expect(
        read(() => parseImportFile(linesOf(utf8(stripBom(whole)), UTF8), name)),
        name,
      ).toEqual(read(() => parseImportFile(stripBom(whole), name)));
    }
  });
});
