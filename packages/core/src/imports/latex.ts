/*
 * LaTeX to Unicode for the text BibTeX files carry: accent commands in every spelling
 * ({\"a}, \"{a}, \"a), the letters with their own commands (\aa, \o, \ss…), escaped specials,
 * dashes and quotes, and formatting commands whose argument is kept (\emph{x} → x).
 */

const ACCENTS: Record<string, string> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
  r: '\u030A',
  d: '\u0323',
  b: '\u0331',
};

const LETTERS: Record<string, string> = {
  aa: 'å',
  AA: 'Å',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  ss: 'ß',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  textendash: '–',
  textemdash: '—',
  textquoteright: '’',
  textquoteleft: '‘',
  ldots: '…',
  dots: '…',
  textellipsis: '…',
  textasciitilde: '~',
  textbackslash: '\\',
  S: '§',
  P: '¶',
  pounds: '£',
  euro: '€',
  copyright: '©',
};

const SYMBOL_ACCENT = /\\(["'`^~=.])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))/g;
const LETTER_ACCENT = /\\([uvHckrdb])(?:\s*\{\s*(\\?[A-Za-z])\s*\}|\s+(\\?[A-Za-z]))/g;
const NAMED = /\\([A-Za-z]+)(?![A-Za-z])(?:\{\}| )?/g;

/** A LaTeX string (one BibTeX field value) as plain Unicode text. */
export function latexToUnicode(input: string): string {
  if (!/[\\{}~`'$-]/.test(input)) return input;
  let s = input;
  const accent = (mark: string, base: string) => {
    const letter = base === '\\i' ? 'i' : base === '\\j' ? 'j' : base;
    return (letter + (ACCENTS[mark] ?? '')).normalize('NFC');
  };
  s = s.replace(SYMBOL_ACCENT, (_m, mark: string, a?: string, b?: string) => accent(mark, a ?? b!));
  s = s.replace(LETTER_ACCENT, (_m, mark: string, a?: string, b?: string) => accent(mark, a ?? b!));
  s = s.replace(/\\([&%$#_{}])/g, '$1');
  // Formatting commands (\emph{…}, \textit{…}) keep their argument: the command goes, the
  // braces go later. Unknown commands are dropped rather than shown as backslash noise.
  s = s.replace(NAMED, (_m, name: string) => LETTERS[name] ?? '');
  s = s
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/``/g, '“')
    .replace(/''/g, '”')
    .replace(/~/g, ' ')
    .replace(/\$([^$]*)\$/g, '$1')
    .replace(/[{}]/g, '');
  return s.replace(/\s+/g, ' ').trim();
}
