import type { Study } from '@kodbok/contracts';

/**
 * The surname of an author written either "Grim, Katarina" (RIS style) or "Katarina Grim".
 * "Grim K" (Vancouver style, initials last) also yields "Grim".
 */
export function surname(author: string): string {
  const trimmed = author.trim();
  const comma = trimmed.indexOf(',');
  if (comma > 0) return trimmed.slice(0, comma).trim();
  const words = trimmed.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const lastIsInitials = words.length > 1 && /^[A-Z]{1,3}\.?$/.test(last);
  return (lastIsInitials ? words[0] : last) ?? trimmed;
}

/** First author's surname, or null when the study has no authors. */
export function firstAuthorSurname(study: Pick<Study, 'authors'>): string | null {
  const first = study.authors[0];
  return first ? surname(first) : null;
}

/** The short citation used in lists: "Grim 2022"; falls back to the title's start. */
export function studyLabel(study: Pick<Study, 'authors' | 'year' | 'title'>): string {
  const name = firstAuthorSurname(study);
  if (!name) return study.title.length > 40 ? `${study.title.slice(0, 39)}…` : study.title;
  return study.year ? `${name} ${study.year}` : name;
}
