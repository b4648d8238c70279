import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readProjectArchive } from '../src/refi/archive';
import { RefiFileError } from '../src/refi/errors';
import { guidFor, guidKey, isGuid } from '../src/refi/guid';
import { attrs, escapeText } from '../src/refi/xml-write';
import { parseXml } from '../src/refi/xml-read';

const QDE = strToU8('<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>');

describe('readProjectArchive', () => {
  it('finds the one .qde at the root whatever its name and case, and keys other entries in lower case', () => {
    const archive = readProjectArchive(
      zipSync({ 'Trial.QDE': QDE, 'Sources/A.txt': strToU8('text') }),
    );
    expect(archive.qdeName).toBe('Trial.QDE');
    expect([...archive.files.keys()]).toEqual(['sources/a.txt']);
  });

  it('refuses a real zip bomb by its uncompressed size before inflating it', () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const zip = zipSync({ 'project.qde': QDE, 'sources/a.txt': [zeros, { level: 9 }] });
    expect(zip.length).toBeLessThan(20_000);
    expect(() => readProjectArchive(zip, { maxTotal: 1024 * 1024, maxEntries: 10 })).toThrow(
      /unpacks to more than 1 MB: refused as a possible zip bomb/,
    );
  });

  it('refuses too many entries', () => {
    const entries = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`sources/${i}.txt`, strToU8('x')]),
    );
    expect(() =>
      readProjectArchive(zipSync({ 'project.qde': QDE, ...entries }), {
        maxTotal: 1e6,
        maxEntries: 10,
      }),
    ).toThrow(/more than 10 entries/);
  });

  it('marks a bomb as too large and other problems not', () => {
    const zip = zipSync({ 'project.qde': QDE, 'a.txt': new Uint8Array(2048) });
    const tooLarge = catchError(() => readProjectArchive(zip, { maxTotal: 1024, maxEntries: 10 }));
    expect(tooLarge.tooLarge).toBe(true);
    expect(catchError(() => readProjectArchive(new Uint8Array([80, 75, 3, 4, 0]))).tooLarge).toBe(
      false,
    );
  });

  it.each([
    '../evil.txt',
    'sources/../../evil.txt',
    '/etc/passwd',
    'C:/evil.txt',
    'sources\\..\\..\\evil.txt',
  ])('refuses the entry %s, whose path leaves the archive', (name) => {
    expect(() => readProjectArchive(zipSync({ 'project.qde': QDE, [name]: strToU8('x') }))).toThrow(
      /leaves the archive/,
    );
  });
});

function catchError(fn: () => unknown): RefiFileError {
  try {
    fn();
  } catch (err) {
    if (err instanceof RefiFileError) return err;
  }
  throw new Error('expected a RefiFileError');
}

describe('parseXml', () => {
  it('reads local names, unprefixed attributes, text and CDATA, and refuses nothing ordinary', () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0" standalone="no" ?><p:Project xmlns:p="urn:x" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="a b" name="&quot;rushed&quot; &#xDF;"><p:Note>a &amp; b<![CDATA[<c>]]></p:Note></p:Project>',
      't',
    );
    expect(root).toMatchObject({ name: 'Project', ns: 'urn:x', attrs: { name: '"rushed" ß' } });
    expect(root.children[0]!.text).toBe('a & b<c>');
  });

  it('refuses a DOCTYPE, and so every entity declaration', () => {
    const lol =
      '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><l>&b;</l>';
    expect(() => parseXml(lol, 'project.qde')).toThrow(
      'project.qde: has a DOCTYPE, which an exchange file never needs; entity declarations are refused (line 1)',
    );
    expect(() => parseXml('<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>', 'a')).toThrow(
      /has a DOCTYPE/,
    );
  });

  it('refuses an entity it does not know, and nesting past the limit', () => {
    expect(() => parseXml('<x>&xxe;</x>', 'a')).toThrow(
      'a is not well-formed XML: undefined entity.',
    );
    expect(() => parseXml('<a><a><a/></a></a>', 'a', { maxDepth: 2, maxElements: 10 })).toThrow(
      /deeper than 2/,
    );
  });
});

describe('escaping', () => {
  it('writes attributes and text that parse back to the same string, non-BMP and line breaks included', () => {
    const value = 'Åsa "säger" <hej> & 😀\n\tslut\r';
    const root = parseXml(`<x${attrs({ a: value })}>${escapeText(value)}</x>`, 't');
    expect(root.attrs.a).toBe(value);
    expect(root.text).toBe(value);
  });

  it('replaces characters XML cannot hold', () => {
    expect(escapeText('a\u0001b\uD800c')).toBe('a\uFFFDb\uFFFDc');
  });
});

describe('GUIDs', () => {
  it('compares GUIDs in any case, with or without braces', () => {
    expect(guidKey('{AD68FBE7-E1EE-4A82-A279-23CC698C89EB}')).toBe(
      'ad68fbe7-e1ee-4a82-a279-23cc698c89eb',
    );
    expect(isGuid('{ad68fbe7-e1ee-4a82-a279-23cc698c89eb')).toBe(false);
    expect(isGuid('39633935-3331-3962-6632-373436373264')).toBe(true);
  });

  it('derives a stable, valid GUID from any id, and keeps a UUID as it is', () => {
    expect(guidFor('consensus', 'x')).toBe(guidFor('consensus', 'x'));
    expect(guidFor('consensus', 'x')).not.toBe(guidFor('consensus', 'y'));
    expect(isGuid(guidFor('any id at all', 'note'))).toBe(true);
    expect(guidFor('0190A0A0-0000-7000-8000-000000000001')).toBe(
      '0190a0a0-0000-7000-8000-000000000001',
    );
  });
});
