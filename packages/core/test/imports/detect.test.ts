import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/imports/detect';
import { findDuplicates } from '../../src/imports/duplicates';
import { parsePlainText } from '../../src/imports/plain-text';
import { parseImportFile } from '../../src/imports/parse';
import { emptyRecord } from '../../src/imports/types';
import { fixture } from './fixture';

describe('detectFormat', () => {
  it.each([
    ['endnote.ris', 'whatever.txt', 'ris'],
    ['pubmed.nbib', 'pubmed.txt', 'medline'],
    ['library.bib', 'refs.txt', 'bibtex'],
    ['studies-semicolon.csv', 'export.txt', 'csv'],
    ['scopus-export.tsv', 'export', 'csv'],
  ])('recognises %s from its content, whatever its name (%s)', (file, name, format) => {
    expect(detectFormat(fixture(file), name)).toBe(format);
  });

  it('recognises Web of Science plain text, also when it is named .ris (#6)', () => {
    const wos = '\ufeffFN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI A\nER\n\nEF\n';
    expect(detectFormat(wos, 'savedrecs.txt')).toBe('wos');
    expect(detectFormat(wos, 'example_wos.ris')).toBe('wos');
    expect(detectFormat('PT J\nAU Grim, K\nTI A\nER\n', 'x.txt')).toBe('wos');
  });

  it('takes prose as plain text, and a .csv name as a hint for a one-column table', () => {
    expect(detectFormat('Peer workers, it seems, felt stigma.\nAnd more.', 'notes.txt')).toBe(
      'text',
    );
    expect(detectFormat('Title\nA study\n', 'list.csv')).toBe('csv');
    expect(detectFormat('sep=;\nTitle\nA study\n', 'export.txt')).toBe('csv');
  });
});

describe('parsePlainText', () => {
  it('titles the study from the file name and keeps the text', () => {
    const { records } = parsePlainText(
      '\ufeffInterview one.\r\nSecond line.\r\n',
      'Grim_2022 interview.txt',
    );
    expect(records[0]).toMatchObject({
      title: 'Grim 2022 interview',
      abstract: 'Interview one.\nSecond line.',
    });
  });
  it('refuses an empty file', () => {
    expect(() => parsePlainText('  \n', 'empty.txt')).toThrow(/empty/);
  });
});

describe('findDuplicates', () => {
  const record = (title: string, fields: Partial<ReturnType<typeof emptyRecord>> = {}) => ({
    ...emptyRecord('f', 1),
    title,
    ...fields,
  });

  it('matches the project by DOI (any case or resolver prefix), PMID, or title and year', () => {
    const existing = [
      { id: 's1', title: 'Peer support', year: 2020, doi: '10.1000/ABC', pmid: null },
      { id: 's2', title: 'Other', year: 2021, doi: null, pmid: '123' },
      { id: 's3', title: 'Managing Peer-Support Workers', year: 2022, doi: null, pmid: null },
    ];
    const records = [
      record('Different title', { doi: 'https://doi.org/10.1000/abc' }),
      record('x', { pmid: '123' }),
      record('managing peer support   workers!', { year: 2022 }),
      record('Managing peer support workers', { year: 2023 }),
    ];
    expect(findDuplicates(records, existing)).toEqual([
      { index: 0, reason: 'doi', studyId: 's1', earlierIndex: null },
      { index: 1, reason: 'pmid', studyId: 's2', earlierIndex: null },
      { index: 2, reason: 'title', studyId: 's3', earlierIndex: null },
    ]);
  });

  it('matches earlier records of the same import, and ignores accents and case in titles', () => {
    const records = [
      record('Återhämtning i Tromsø', { year: 2020 }),
      record('ATERHAMTNING I TROMSØ', { year: 2020 }),
    ];
    expect(findDuplicates(records, [])).toEqual([
      { index: 1, reason: 'title', studyId: null, earlierIndex: 0 },
    ]);
  });
});

describe('findDuplicates when DOIs differ (#10)', () => {
  const record = (title: string, doi: string | null) => ({
    ...emptyRecord('f', 1),
    title,
    year: 2014,
    doi,
  });

  it('does not take the same title and year as a duplicate when both DOIs are there and differ', () => {
    const records = [
      record('Ablation of liver tumours', '10.1371/journal.pone.0086394'),
      record('Ablation of liver tumours', '10.1016/j.jvir.2013.12.293'),
      record('Ablation of Liver Tumours', null),
    ];
    expect(findDuplicates(records, [])).toEqual([
      { index: 2, reason: 'title', studyId: null, earlierIndex: 0 },
    ]);
    const existing = [{ id: 's1', ...records[0]!, pmid: null }];
    expect(findDuplicates([records[1]!], existing)).toEqual([]);
  });
});

describe('parseImportFile', () => {
  it('refuses PDFs and other binary files instead of importing noise as text', () => {
    expect(() => parseImportFile('%PDF-1.7\n%âãÏÓ', 'paper.pdf')).toThrow(
      'Plain text file paper.pdf, line 1: this is a PDF',
    );
    expect(() => parseImportFile('PK\u0003\u0004\u0000\u0000word', 'paper.docx')).toThrow(
      /paper\.docx, line 1: this is not a text file/,
    );
  });
});
