import type { Study, UpdateStudyBody } from '@kodbok/contracts';

/** The edit form's fields as typed: authors one per line, attributes as name/value rows. */
export interface StudyFormValues {
  title: string;
  authors: string;
  year: string;
  journal: string;
  doi: string;
  pmid: string;
  volume: string;
  issue: string;
  pages: string;
  attributes: ReadonlyArray<{ name: string; value: string }>;
}

export type StudyField = keyof StudyFormValues;

/** What to fix, by field: shown next to it. */
export type FieldErrors = Partial<Record<StudyField, string>>;

/** The whole study as the server takes it, every field set. */
export type StudyEdit = Required<UpdateStudyBody>;

export type ReadResult = { ok: true; edit: StudyEdit } | { ok: false; errors: FieldErrors };

/** The limits of UpdateStudyBody (contracts/studies.ts), checked before sending. */
const MAX = { title: 2000, author: 500, authors: 500, journal: 1000, doi: 500, short: 100 };
const ATTRIBUTE_NAME_MAX = 100;
const ATTRIBUTE_VALUE_MAX = 2000;

/** A DOI pasted as a resolver link or with a "doi:" prefix: the DOI is what follows. */
const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;

/** The form's starting values for a study. */
export function studyFormValues(study: Study): StudyFormValues {
  return {
    title: study.title,
    authors: study.authors.join('\n'),
    year: study.year === null ? '' : String(study.year),
    journal: study.journal ?? '',
    doi: study.doi ?? '',
    pmid: study.pmid ?? '',
    volume: study.volume ?? '',
    issue: study.issue ?? '',
    pages: study.pages ?? '',
    attributes: Object.entries(study.attributes).map(([name, value]) => ({ name, value })),
  };
}

/**
 * Reads the form into the study it describes, or says what to fix field by field (the server's
 * rules, so a valid form is not refused). Text is trimmed; a blank optional field is none (null);
 * authors are the non-blank lines in order; rows with neither name nor value are dropped.
 */
export function readStudyForm(values: StudyFormValues): ReadResult {
  const errors: FieldErrors = {};
  const text = (field: 'journal' | 'doi' | 'volume' | 'issue' | 'pages', max: number) => {
    const value = values[field].trim();
    if (value.length > max) errors[field] = `At most ${max.toLocaleString('en')} characters.`;
    return value || null;
  };
  const title = values.title.trim();
  if (!title) errors.title = 'Give the study a title.';
  else if (title.length > MAX.title) errors.title = `At most ${MAX.title} characters.`;
  const authors = readAuthors(values.authors, errors);
  const year = readYear(values.year, errors);
  const pmid = values.pmid.trim() || null;
  if (pmid !== null && !/^[0-9]{1,9}$/.test(pmid))
    errors.pmid = 'A PMID is 1 to 9 digits, e.g. 35012345.';
  const edit: StudyEdit = {
    title,
    authors,
    year,
    journal: text('journal', MAX.journal),
    doi: text('doi', MAX.doi)?.replace(DOI_PREFIX, '') || null,
    pmid,
    volume: text('volume', MAX.short),
    issue: text('issue', MAX.short),
    pages: text('pages', MAX.short),
    attributes: readAttributes(values.attributes, errors),
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, edit };
}

function readAuthors(typed: string, errors: FieldErrors): string[] {
  const authors = typed
    .split('\n')
    .map((a) => a.trim())
    .filter(Boolean);
  const long = authors.findIndex((a) => a.length > MAX.author);
  if (long >= 0)
    errors.authors = `Author ${long + 1} is longer than ${MAX.author} characters: one author per line.`;
  else if (authors.length > MAX.authors) errors.authors = `At most ${MAX.authors} authors.`;
  return authors;
}

function readYear(typed: string, errors: FieldErrors): number | null {
  const year = typed.trim();
  if (!year) return null;
  if (/^[0-9]{4}$/.test(year) && Number(year) >= 1000) return Number(year);
  errors.year = 'Four digits, e.g. 2022 (or leave it empty).';
  return null;
}

function readAttributes(
  rows: StudyFormValues['attributes'],
  errors: FieldErrors,
): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [i, row] of rows.entries()) {
    const name = row.name.trim();
    const value = row.value.trim();
    if (!name && !value) continue;
    const which = name ? `“${name}”` : `Attribute ${i + 1}`;
    const problem = !name
      ? `${which} needs a name.`
      : !value
        ? `${which} needs a value (or remove the row).`
        : name.length > ATTRIBUTE_NAME_MAX
          ? `${which}: a name has at most ${ATTRIBUTE_NAME_MAX} characters.`
          : value.length > ATTRIBUTE_VALUE_MAX
            ? `${which}: a value has at most ${ATTRIBUTE_VALUE_MAX.toLocaleString('en')} characters.`
            : Object.hasOwn(attributes, name)
              ? `${which} is there twice: keep one row.`
              : null;
    if (problem) {
      errors.attributes ??= problem;
      continue;
    }
    attributes[name] = value;
  }
  return attributes;
}

/**
 * Only what the edit changes, so saving does not overwrite fields another member corrected
 * meanwhile. Empty when nothing changed.
 */
export function studyPatch(study: Study, edit: StudyEdit): UpdateStudyBody {
  const patch: UpdateStudyBody = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (edit.title !== study.title) patch.title = edit.title;
  if (!same(edit.authors, study.authors)) patch.authors = edit.authors;
  if (edit.year !== study.year) patch.year = edit.year;
  for (const field of ['journal', 'doi', 'pmid', 'volume', 'issue', 'pages'] as const) {
    if (edit[field] !== study[field]) patch[field] = edit[field];
  }
  if (!same(sortedEntries(edit.attributes), sortedEntries(study.attributes)))
    patch.attributes = edit.attributes;
  return patch;
}

const sortedEntries = (record: Record<string, string>) =>
  Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The field a server's 400 message is about ("body/authors/1 must NOT have…" → authors; an
 * attribute type's complaint → attributes), or null when it names none.
 */
export function fieldOfError(message: string): StudyField | null {
  const named = /^body\/([a-z]+)/.exec(message)?.[1];
  if (named && FIELDS.has(named)) return named as StudyField;
  return /attribute/i.test(message) ? 'attributes' : null;
}

const FIELDS = new Set<string>([
  'title',
  'authors',
  'year',
  'journal',
  'doi',
  'pmid',
  'volume',
  'issue',
  'pages',
  'attributes',
]);
