import { describe, expect, it } from 'vitest';
import type { Study } from '@kodbok/contracts';
import {
  fieldOfError,
  readStudyForm,
  studyFormValues,
  studyPatch,
  type StudyFormValues,
} from './study-form';

const study: Study = {
  id: 's1',
  projectId: 'p1',
  title: 'Managing peer support workers',
  authors: ['Grim, Katarina', 'Bergmark, Magnus'],
  year: 2022,
  journal: 'J Psychosoc Rehabil',
  doi: '10.1080/1234',
  pmid: null,
  volume: null,
  issue: null,
  pages: null,
  attributes: { country: 'Sverige', design: 'interviews' },
  documents: [],
  highlights: 0,
  myHighlights: 0,
};

const values = (patch: Partial<StudyFormValues> = {}): StudyFormValues => ({
  ...studyFormValues(study),
  ...patch,
});

function read(patch: Partial<StudyFormValues>) {
  const result = readStudyForm(values(patch));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.edit;
}

function errorsOf(patch: Partial<StudyFormValues>) {
  const result = readStudyForm(values(patch));
  return result.ok ? {} : result.errors;
}

describe('readStudyForm and studyPatch', () => {
  it('reads the unchanged form back as the study, so nothing is sent', () => {
    const edit = read({});
    expect(studyPatch(study, edit)).toEqual({});
  });

  it('keeps authors in line order, trimmed, blank lines dropped, non-ASCII intact', () => {
    const edit = read({ authors: '  Øvreås, Ingrid \n\nGrim, Katarina\r\n李, 娜\n😀 Smith' });
    expect(edit.authors).toEqual(['Øvreås, Ingrid', 'Grim, Katarina', '李, 娜', '😀 Smith']);
    expect(studyPatch(study, edit)).toEqual({ authors: edit.authors });
  });

  it('sends a reordering of the same authors', () => {
    const edit = read({ authors: 'Bergmark, Magnus\nGrim, Katarina' });
    expect(studyPatch(study, edit)).toEqual({ authors: ['Bergmark, Magnus', 'Grim, Katarina'] });
  });

  it('turns blank optional fields into null and a resolver link into the DOI', () => {
    const edit = read({ journal: '   ', year: '', doi: 'https://doi.org/10.1000/XYZ' });
    expect(studyPatch(study, edit)).toEqual({ journal: null, year: null, doi: '10.1000/XYZ' });
    expect(read({ doi: 'doi: 10.1/a' }).doi).toBe('10.1/a');
  });

  it('ignores the order of attributes but not a changed value or a removed row', () => {
    const reordered = read({
      attributes: [
        { name: 'design', value: 'interviews' },
        { name: 'country', value: 'Sverige' },
        { name: '', value: '' },
      ],
    });
    expect(studyPatch(study, reordered)).toEqual({});
    const changed = read({ attributes: [{ name: ' country ', value: 'Norge' }] });
    expect(studyPatch(study, changed)).toEqual({ attributes: { country: 'Norge' } });
  });

  it.each([
    ['title', { title: '  ' }, /title/],
    ['title', { title: 'x'.repeat(2001) }, /2000/],
    ['year', { year: '22' }, /Four digits/],
    ['year', { year: '0999' }, /Four digits/],
    ['year', { year: '2022a' }, /Four digits/],
    ['pmid', { pmid: 'PMC123' }, /1 to 9 digits/],
    ['doi', { doi: 'x'.repeat(501) }, /500/],
    ['pages', { pages: 'x'.repeat(101) }, /100/],
    ['authors', { authors: `Grim\n${'x'.repeat(501)}` }, /Author 2 is longer/],
    ['authors', { authors: Array.from({ length: 501 }, (_, i) => `A${i}`).join('\n') }, /500/],
  ] as const)('puts a problem with %s next to it', (field, patch, message) => {
    expect(errorsOf(patch)[field]).toMatch(message);
  });

  it.each([
    [[{ name: '', value: 'Sverige' }], /Attribute 1 needs a name/],
    [[{ name: 'country', value: ' ' }], /“country” needs a value/],
    [
      [
        { name: 'country', value: 'Sverige' },
        { name: 'country', value: 'Norge' },
      ],
      /“country” is there twice/,
    ],
    [[{ name: 'n'.repeat(101), value: 'v' }], /at most 100/],
  ])('refuses attribute rows %j', (attributes, message) => {
    expect(errorsOf({ attributes }).attributes).toMatch(message);
  });

  it('reports every field with a problem at once', () => {
    expect(Object.keys(errorsOf({ title: '', year: 'x', pmid: 'y' })).sort()).toEqual([
      'pmid',
      'title',
      'year',
    ]);
  });
});

describe('fieldOfError', () => {
  it.each([
    ['body/title must not be blank', 'title'],
    ['body/authors/1 must NOT have fewer than 1 characters', 'authors'],
    ['body/pmid must match pattern "^[0-9]{1,9}$"', 'pmid'],
    ['body/attributes/country must NOT have more than 2000 characters', 'attributes'],
    ['"n" is a number attribute, and "many" is not a number', 'attributes'],
    ['body has an unknown property "abstract"', null],
    ['Only owners and supervisors add, change or delete studies', null],
  ])('%s → %s', (message, field) => {
    expect(fieldOfError(message)).toBe(field);
  });
});
