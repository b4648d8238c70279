/*
 * One order for text everywhere (issue 11: "Å/Ø sort first in the sidebar but last in the matrix
 * and CSV"): the Unicode root collation (CLDR root, which English uses untailored), with numbers
 * in natural order. Lists in the browser and exports sort with `compareText`; SQL, which cannot
 * call a collator, sorts by `sortKey`, which orders Latin-script names the same way: letters
 * with accents, rings and strokes beside their base letter (Å and Ä with A, Ø and Ö with O), Æ as
 * "ae"; Þ, a letter of its own, after Z in both. Fixed rather than the reader's locale, so that a Swedish and an English co-author see
 * the same order on screen and in the files they exchange.
 */

const collator = new Intl.Collator('en', { numeric: true });

/** The comparison every sorted list and export uses. */
export const compareText = (a: string, b: string): number => collator.compare(a, b);

/** Letters that do not decompose into a base letter and a mark. */
const SPECIAL: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ħ: 'h',
};

/**
 * A key whose plain (binary) order is the root collation's at primary strength: case, accents
 * and marks ignored, digits left as they are. Ties (Åkerblom and Akerblom) are left to the next
 * sort column, then the id.
 */
export function sortKey(text: string | null): string | null {
  if (text === null) return null;
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øæœßđðłħ]/g, (c) => SPECIAL[c] ?? c);
}

/**
 * Case folding for search: SQLite's lower() and LIKE fold ASCII only, and Nordic names must match
 * whatever the case ("öberg" finds "Öberg"). NFC first, so decomposed letters (o + combining
 * diaeresis, as some imports write them) match composed ones.
 */
export const foldCase = (text: string): string => text.normalize('NFC').toLowerCase();
