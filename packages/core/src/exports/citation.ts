/**
 * How exports name a study: a key that is unique in the project ("Grim 2022", "Grim 2022a") and
 * an in-text citation ("Grim & Bergmark 2022", "Grim et al. 2022") for reports.
 */

export interface CitedStudy {
  id: string;
  /** As stored: "Grim, Katarina" (RIS style), "Katarina Grim" or "Grim K" (Vancouver). */
  authors: readonly string[];
  year: number | null;
  title: string;
}

export interface StudyCitation {
  /** "Grim 2022", with a, b, … when studies would share it; unique in the project. */
  key: string;
  /** "Grim 2022", "Grim & Bergmark 2022" or "Grim et al. 2022" (the key's letter too). */
  citation: string;
}

/**
 * The surname of an author written "Grim, Katarina", "Katarina Grim" or "Grim K" (initials
 * last, as PubMed writes them).
 */
export function authorSurname(author: string): string {
  const trimmed = author.trim();
  const comma = trimmed.indexOf(',');
  if (comma > 0) return trimmed.slice(0, comma).trim();
  const words = trimmed.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const lastIsInitials = words.length > 1 && /^\p{Lu}{1,3}\.?$/u.test(last);
  return (lastIsInitials ? words[0] : last) ?? trimmed;
}

const TITLE_CHARS = 40;

/** Who a citation names: one or two surnames, else the first and "et al."; the title if none. */
function citedNames(study: CitedStudy): string {
  const names = study.authors.map(authorSurname).filter((n) => n.length > 0);
  if (names.length === 0) {
    const title = study.title.trim();
    return title.length > TITLE_CHARS ? `${title.slice(0, TITLE_CHARS - 1).trimEnd()}…` : title;
  }
  if (names.length === 1) return names[0]!;
  if (names.length === 2) return `${names[0]} & ${names[1]}`;
  return `${names[0]} et al.`;
}

function firstName(study: CitedStudy): string {
  const first = study.authors.map(authorSurname).find((n) => n.length > 0);
  return first ?? citedNames(study);
}

/** "a", "b", … "z", "aa", "ab", …: the letters that tell same-key studies apart. */
export function disambiguationLetter(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

const byTitle = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Keys and citations for every study of a project. Studies that would share a key ("Grim 2022")
 * get a, b, … in title order (then id, so the letters are stable), as APA does; a study without
 * a year is "n.d.". Computed over all of a project's studies, so a filtered export names each
 * study as the full one does.
 */
export function citeStudies(studies: readonly CitedStudy[]): Map<string, StudyCitation> {
  const groups = new Map<string, CitedStudy[]>();
  for (const s of studies) {
    const key = `${firstName(s)} ${s.year ?? 'n.d.'}`;
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  const out = new Map<string, StudyCitation>();
  for (const [key, group] of groups) {
    const ordered =
      group.length === 1
        ? group
        : [...group].sort((a, b) => byTitle.compare(a.title, b.title) || (a.id < b.id ? -1 : 1));
    ordered.forEach((s, i) => {
      const letter = ordered.length > 1 ? disambiguationLetter(i) : '';
      const year = s.year === null ? (letter ? 'n.d.-' : 'n.d.') : String(s.year);
      out.set(s.id, {
        key: `${key}${letter && s.year === null ? '-' : ''}${letter}`,
        citation: `${citedNames(s)} ${year}${letter}`,
      });
    });
  }
  return out;
}
