/*
 * LaTeX to Unicode for the text BibTeX files carry: accent commands in every spelling
 * ({\"a}, \"{a}, \"a), the letters with their own commands (\aa, \o, \ss…), escaped specials,
 * dashes and quotes, and formatting commands whose argument is kept (\emph{x} → x).
 */

/*
 * Escaped braces (\{, \textbraceleft) are text; the others group and are dropped at the end. The
 * escaped ones wait in private-use characters until then.
 */
const BRACE_OPEN = '\uE000';
const BRACE_CLOSE = '\uE001';

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
  // Text-mode symbols: Zotero and JabRef write "p < 0.05" as "p {\textless} 0.05".
  textless: '<',
  textgreater: '>',
  textbar: '|',
  textasciicircum: '^',
  textunderscore: '_',
  textquotedbl: '"',
  textquotedblleft: '“',
  textquotedblright: '”',
  textquotesingle: "'",
  textdollar: '$',
  textpercent: '%',
  textbraceleft: BRACE_OPEN,
  textbraceright: BRACE_CLOSE,
  textbullet: '•',
  textperiodcentered: '·',
  textdegree: '°',
  textpm: '±',
  texttimes: '×',
  textdiv: '÷',
  textmu: 'µ',
  textregistered: '®',
  texttrademark: '™',
  textcopyright: '©',
  textsection: '§',
  textparagraph: '¶',
  textdagger: '†',
  textexclamdown: '¡',
  textquestiondown: '¿',
  guillemotleft: '«',
  guillemotright: '»',
  S: '§',
  P: '¶',
  pounds: '£',
  euro: '€',
  copyright: '©',
};

const SYMBOL_ACCENT = /\\(["'`^~=.])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))/g;
const LETTER_ACCENT = /\\([uvHckrdb])(?:\s*\{\s*(\\?[A-Za-z])\s*\}|\s+(\\?[A-Za-z]))/g;
const NAMED = /\\([A-Za-z]+)(?![A-Za-z])(?:\{\}| )?/g;

/**
 * A LaTeX string (one BibTeX field value) as plain Unicode text. Line breaks and indentation are
 * wrapping, not content (Web of Science and JabRef wrap long fields): all whitespace becomes one
 * space. `\par` is a paragraph break: with `paragraphs`, it becomes "\n" (abstracts), otherwise a
 * space.
 */
export function latexToUnicode(input: string, options: { paragraphs?: boolean } = {}): string {
  if (!/[\\{}~`'$-]/.test(input)) return input.replace(/\s+/g, ' ').trim();
  const parts = input.split(/\\par(?![A-Za-z])/);
  if (parts.length > 1) {
    const converted = parts.map((p) => convert(p)).filter(Boolean);
    return converted.join(options.paragraphs ? '\n' : ' ');
  }
  return convert(input);
}

function convert(input: string): string {
  let s = input;
  const accent = (mark: string, base: string) => {
    const letter = base === '\\i' ? 'i' : base === '\\j' ? 'j' : base;
    return (letter + (ACCENTS[mark] ?? '')).normalize('NFC');
  };
  s = s.replace(SYMBOL_ACCENT, (_m, mark: string, a?: string, b?: string) => accent(mark, a ?? b!));
  s = s.replace(LETTER_ACCENT, (_m, mark: string, a?: string, b?: string) => accent(mark, a ?? b!));
  s = s.replace(/\\([&%$#_{}])/g, (_m, c: string) =>
    c === '{' ? BRACE_OPEN : c === '}' ? BRACE_CLOSE : c === '$' ? DOLLAR : c,
  );
  // Formatting commands (\emph{…}, \textit{…}) keep their argument: the command goes, the
  // braces go later. Unknown commands are dropped rather than shown as backslash noise.
  s = s.replace(NAMED, (_m, name: string) =>
    LETTERS[name] === '$' ? DOLLAR : (LETTERS[name] ?? ''),
  );
  s = s
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/``/g, '“')
    .replace(/''/g, '”')
    .replace(/~/g, ' ')
    .replace(/\$([^$]*)\$/g, (_m, math: string) => mathText(math))
    .replace(/[{}]/g, '')
    .replace(/\uE000/g, '{')
    .replace(/\uE001/g, '}')
    .replace(/\uE002/g, '$');
  return s.replace(/\s+/g, ' ').trim();
}

/** An escaped dollar waits here, so it does not open math. */
const DOLLAR = '\uE002';

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Inline math as text: "CO$_2$" → "CO₂", "m$^{2}$" → "m²"; other math keeps its characters. */
function mathText(math: string): string {
  return math
    .replace(/_\{?(\d+)\}?/g, (_m, d: string) => [...d].map((x) => SUBSCRIPT[Number(x)]).join(''))
    .replace(/\^\{?(\d+)\}?/g, (_m, d: string) =>
      [...d].map((x) => SUPERSCRIPT[Number(x)]).join(''),
    );
}
