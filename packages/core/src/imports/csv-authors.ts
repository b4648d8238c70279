import { squash } from './text';

/* Authors in one CSV cell, as the databases' CSV exports write them. */

/**
 * What separates the authors in the authors column: Scopus 2022 and Embase write
 * "Aguiar L., Gagnepain P.", PubMed "Hill MK, Patel RR.", newer Scopus "Aguiar L.; Gagnepain P.".
 */
export type AuthorSeparator = ';' | ',' | '|' | '\n';

/** "Hill MK", "Aguiar L.", "Adler D.G.", "Dalla Corte A.-M.": a surname, then initials. */
const SURNAME_INITIALS = /^\S.*\s(\p{Lu}[\p{Lu}.-]*)$/u;

/**
 * Guesses what separates authors from a column's cells, by majority: a line break when cells
 * hold several lines; "," when the pieces between commas look like "Surname Initials" (PubMed,
 * Scopus 2022, Embase), not like the halves of "Surname, Given"; otherwise ";" or "|".
 */
export function guessAuthorSeparator(cells: string[]): AuthorSeparator {
  if (cells.some((c) => c.trim().includes('\n'))) return '\n';
  const count = (test: (c: string) => boolean) => cells.filter(test).length;
  const semicolon = count((c) => c.includes(';'));
  const comma = count((c) => {
    const pieces = c.split(',');
    const initials = pieces.filter((p) => SURNAME_INITIALS.test(p.trim().replace(/\.$/, '')));
    return pieces.length > 1 && initials.length >= pieces.length * 0.8;
  });
  const bar = count((c) => c.includes('|'));
  if (comma > semicolon && comma >= bar) return ',';
  if (bar > semicolon) return '|';
  return ';';
}

/**
 * The authors of one cell, each "Surname, Given". PubMed ends the list with a full stop
 * ("…, Dellavalle RP."), which is not part of the initials when no other author has one.
 */
export function splitAuthorCell(cell: string, separator: AuthorSeparator): string[] {
  // PubMed adds a group after the persons with ";" ("Lopez BL; Delaware Valley … Group.").
  const names = cell
    .split(separator === ',' ? /[,;]/ : separator)
    .map(squash)
    .filter((n) => n && !isPlaceholder(n));
  const last = names.length - 1;
  if (last > 0 && names[last]!.endsWith('.') && !names.slice(0, last).some((n) => n.includes('.')))
    names[last] = names[last]!.slice(0, -1);
  return names.map((n) => {
    if (n.includes(',')) return n;
    const m = SURNAME_INITIALS.exec(n);
    return m ? `${n.slice(0, n.length - m[1]!.length).trim()}, ${m[1]}` : n;
  });
}

/** Scopus fills empty cells with "[No abstract available]", "[No author name available]"… */
export function isPlaceholder(cell: string): boolean {
  return /^\[No [^\]]{1,40} available\]$/i.test(cell.trim());
}
