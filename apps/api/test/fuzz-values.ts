import fc from 'fast-check';

/*
 * Hostile values for the route fuzzer: text, numbers and JSON an attacker (or a broken client)
 * may send. Text is a JS string and may hold lone surrogates; the encoders below put it on the
 * wire as the bytes such a client would send (WTF-8 for a lone surrogate).
 */

const LONE_SURROGATE = fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u));
/** Zero-width, bidi, BOM, NUL and other controls: text that shows as nothing. */
const INVISIBLE = fc.constantFrom(
  '\u200b',
  '\u200c\u200d',
  '\u2060',
  '\ufeff',
  '\u202e',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u00ad',
  '\u180e',
  '\u3164',
);

const SPECIAL_TEXT = fc.constantFrom(
  '',
  ' ',
  '..',
  '.',
  '../../etc/passwd',
  '%',
  '%00',
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '0',
  '-0',
  '1e400',
  '-1e400',
  '9223372036854775808',
  '18446744073709551616',
  '0x10',
  '1.5',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'toString',
  "' OR 1=1 --",
  '"; DROP TABLE studies; --',
  '<script>alert(1)</script>',
  'a\ud800b',
  '\udfff',
  '\ud83d\ude00',
  'e\u0301',
  '𝒜𝒷𝒸',
  'ﷺ',
  '*',
  '"',
  '\\',
);

/** Text of every sort: Unicode, lone surrogates, invisible-only, look-alike numbers, very long. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: SPECIAL_TEXT },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.oneof(LONE_SURROGATE, fc.constantFrom('a', '/', ' ')),
      maxLength: 8,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.array(INVISIBLE, { minLength: 1, maxLength: 4 }).map((s) => s.join('')),
  },
  { weight: 1, arbitrary: fc.constantFrom(1_000, 70_000, 300_000).map((n) => 'x'.repeat(n)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(2_000, 20_000).map((n) => '\u00e9\ud83d\ude00'.repeat(n)),
  },
);

/** Numbers as a query string carries them. */
export const hostileNumberText = fc.constantFrom(
  'Infinity',
  '-Infinity',
  '1e400',
  '-1e400',
  '-1',
  '0',
  '9223372036854775808',
  '-9223372036854775809',
  '9223372036854775807',
  '1e300',
  '9007199254740993',
  'NaN',
  '1.5',
  '1e-400',
  '0x1f',
  '',
);

/** A raw JSON text spliced into a body as is: nesting too deep for a recursive reader, and so on. */
export class RawJson {
  constructor(readonly text: string) {}
}

const deep = (depth: number, open: string, close: string, inner = '1') =>
  open.repeat(depth) + inner + close.repeat(depth);

export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, -0, {}, []),
  hostileText,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(10, 1_000, 20_000).map((d) => new RawJson(deep(d, '[', ']'))),
  fc.constantFrom(10, 1_000, 20_000).map((d) => new RawJson(deep(d, '{"a":', '}'))),
  fc.constantFrom(
    new RawJson('1e400'),
    new RawJson('-1e400'),
    new RawJson('123456789012345678901234567890'),
    new RawJson('"\\u0000"'),
    new RawJson('"\\ud800"'),
    new RawJson('"\\udc00\\ud800"'),
    new RawJson(`[${'"x",'.repeat(20_000)}"x"]`),
  ),
);

/** JSON text of `value`, with RawJson parts spliced in as they are. */
export function serialize(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_, v: unknown) => {
    if (!(v instanceof RawJson)) return v;
    raws.push(v.text);
    return `\u0000raw${raws.length - 1}\u0000`;
  });
  return (text ?? 'null').replace(/"\\u0000raw(\d+)\\u0000"/g, (_, i: string) => raws[Number(i)]!);
}

/** `text` as a URL component: percent-encoded UTF-8, a lone surrogate as its WTF-8 bytes. */
export function encodeComponent(text: string): string {
  let out = '';
  for (const ch of text) {
    const u = ch.codePointAt(0)!;
    if (u >= 0xd800 && u <= 0xdfff) {
      const bytes = [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f)];
      out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

/** Path segments and query text sent raw, not encoded: the URL parser's own edge cases. */
export const rawUrlText = fc.constantFrom(
  '..',
  '%2e%2e',
  '.%2E',
  '%',
  '%zz',
  '%00',
  '%C0%AF',
  '%ED%A0%80',
  '%FF%FE',
  '%2F',
  '..%2F..%2Fetc%2Fpasswd',
  ';',
  '%3B',
  '%E2%80%8B',
  '%25',
  '%%%',
);

/** A header value as Node accepts it (visible Latin-1 and spaces), any length up to 16 kB. */
export const headerText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
  fc.string({ unit: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)) }),
  fc.constantFrom(8_000, 16_000).map((n) => 'a'.repeat(n)),
);
