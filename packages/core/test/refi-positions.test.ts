import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exportPositions,
  normaliseText,
  positionMap,
  schemeForOrigin,
  widenToCharacters,
  type PositionScheme,
} from '../src/refi/positions';

/** A tool's units for a text, as lists of the characters each position starts. */
function unitsOf(raw: string, scheme: PositionScheme): string[] {
  const text = raw.replace(/^\uFEFF/, '');
  const units: string[] = [];
  for (let i = 0; i < text.length;) {
    if (text.startsWith('\r\n', i)) {
      units.push(...(scheme.crlf === 2 ? ['\r', '\n'] : ['\r\n']));
      i += 2;
    } else {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      units.push(...(scheme.unit === 'utf16' && ch.length === 2 ? [ch[0]!, ch[1]!] : [ch]));
      i += ch.length;
    }
  }
  return units;
}

const alphabet = ['a', 'å', 'ø', '“', '漢', '😀', '𝄞', '\r\n', '\n', '\r', ' '];
const texts = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((a) => a.join(''));
const schemes = fc.constantFrom<PositionScheme>(
  { unit: 'codepoint', crlf: 1 },
  { unit: 'codepoint', crlf: 2 },
  { unit: 'utf16', crlf: 1 },
  { unit: 'utf16', crlf: 2 },
);

describe('positionMap', () => {
  it('maps a tool position to the Kodbok offset of the same character, for every scheme', () => {
    fc.assert(
      fc.property(texts, schemes, fc.boolean(), (body, scheme, bom) => {
        const raw = bom ? `\uFEFF${body}` : body;
        const map = positionMap(raw, scheme);
        const units = unitsOf(raw, scheme);
        const text = normaliseText(raw);
        expect(map.length).toBe(units.length + 1);
        expect(map[units.length]).toBe(text.length);
        // The text before position p is the normalised text of the units before p.
        for (let p = 0; p <= units.length; p++) {
          expect(text.slice(0, map[p])).toBe(normaliseText(units.slice(0, p).join('')));
        }
      }),
    );
  });

  it('counts like NVivo for Windows: UTF-16 units, CRLF as 2, the BOM not at all', () => {
    const raw = '\uFEFFHej 😀\r\nvärld';
    const map = positionMap(raw, schemeForOrigin('NVivo for Windows 12.6')!);
    const text = normaliseText(raw);
    // "värld" starts after "Hej " (4), 😀 (2) and CRLF (2): position 8.
    expect(text.slice(map[8]!, map[13]!)).toBe('värld');
  });

  it('counts like ATLAS.ti, MAXQDA and qc: characters, a line break as 1', () => {
    const map = positionMap('Hej 😀\r\nvärld', schemeForOrigin('MAXQDA 24 (Release 24.7.0)')!);
    expect(normaliseText('Hej 😀\r\nvärld').slice(map[6]!, map[11]!)).toBe('värld');
  });

  it('knows no scheme for a tool it has no evidence about', () => {
    expect(schemeForOrigin('Quirkos 2.5')).toBeNull();
  });
});

describe('widenToCharacters', () => {
  it('widens an end inside a surrogate pair to the whole character', () => {
    expect(widenToCharacters('a😀b', 2, 4)).toEqual({ start: 1, end: 4, widened: true });
    expect(widenToCharacters('a😀b', 1, 2)).toEqual({ start: 1, end: 3, widened: true });
    expect(widenToCharacters('a😀b', 1, 3)).toEqual({ start: 1, end: 3, widened: false });
  });
});

describe('exportPositions', () => {
  it('gives code points of the LF text for every UTF-16 offset that starts a character', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const out = exportPositions(text);
        expect(out.text).toBe(normaliseText(text));
        const chars = [...out.text];
        for (let i = 0; i <= text.length; i++) {
          const splits =
            /[\uDC00-\uDFFF]/.test(text[i] ?? '') || (text[i - 1] === '\r' && text[i] === '\n');
          if (!splits)
            expect(chars.slice(0, out.map[i]).join('')).toBe(normaliseText(text.slice(0, i)));
        }
      }),
    );
  });
});
