import { describe, expect, it } from 'vitest';
import { guessMapping, parseCsv } from '../../src/imports/csv';
import { fixture } from './fixture';

describe('parseCsv', () => {
  it('reads a semicolon file with a BOM and quoted multi-line cells; other columns become attributes', () => {
    const { records, problems, table } = parseCsv(fixture('studies-semicolon.csv'), 's.csv');
    expect(table.delimiter).toBe(';');
    expect(table.columns[0]).toBe('Title');
    expect(table.mapping).toMatchObject({
      title: 'Title',
      authors: 'Authors',
      year: 'Year',
      doi: 'DOI',
    });
    expect(records[0]).toMatchObject({
      line: 2,
      title: 'Managing Peer Support Workers',
      authors: ['Grim, Katarina', 'Bergmark, Magnus'],
      year: 2022,
      doi: '10.1007/s40737-022-00311-6',
      attributes: { Country: 'Sweden', Design: 'Individual interviews', Participants: '18' },
    });
    expect(records[1]!.abstract).toBe('Background "Citizens" with experience.\nSecond line.');
    // The second record's abstract spans two lines, so the row without a title is on line 5.
    expect(problems).toEqual([{ file: 's.csv', line: 5, message: 'the "Title" cell is empty' }]);
  });

  it('reads a tab-separated Scopus export by its header names', () => {
    const { records, table } = parseCsv(fixture('scopus-export.tsv'), 's.tsv');
    expect(table.delimiter).toBe('\t');
    expect(records[0]).toMatchObject({
      title: 'Peer support in England',
      authors: ['Gillard, Steve', 'Holley, Jess'],
      year: 2015,
      journal: 'Adm Policy Ment Health',
      attributes: { Country: 'England' },
    });
  });

  it('follows a given mapping and reports when no column is the title', () => {
    const text = 'Name,Summary,Land\nA study,Its text,Norway\n';
    const mapping = {
      ...guessMapping(['Name', 'Summary', 'Land']),
      title: 'Name',
      abstract: 'Summary',
      attributes: ['Land'],
    };
    expect(parseCsv(text, 'x.csv', mapping).records[0]).toMatchObject({
      title: 'A study',
      abstract: 'Its text',
      attributes: { Land: 'Norway' },
    });
    expect(parseCsv(text, 'x.csv').problems[0]!.message).toMatch(
      /no column is mapped to the title/,
    );
  });

  it('follows an Excel "sep=" line and keeps the file\'s line numbers', () => {
    const { records, problems, table } = parseCsv('sep=;\r\nTitle;n\r\nA, B;1\r\n;2\r\n', 'x.csv');
    expect(table.delimiter).toBe(';');
    expect(records[0]).toMatchObject({ line: 3, title: 'A, B', attributes: { n: '1' } });
    expect(problems[0]!.line).toBe(4);
  });

  it('keeps columns apart that share a name, or the first 90 characters of one', () => {
    const long = 'x'.repeat(95);
    const { table, records } = parseCsv(`Title,Note,Note,${long}A,${long}B\nT,a,b,c,d\n`, 'x.csv');
    expect(table.columns.slice(1, 3)).toEqual(['Note', 'Note (2)']);
    expect(Object.keys(records[0]!.attributes)).toHaveLength(4);
  });

  it('refuses an unclosed quote with its line, and a mapping to a missing column', () => {
    expect(() => parseCsv(fixture('unclosed.csv'), 'u.csv')).toThrow(
      'CSV file u.csv, line 3: a quoted cell is not closed',
    );
    expect(() =>
      parseCsv('Title\nA\n', 'x.csv', { ...guessMapping(['Title']), abstract: 'Nope' }),
    ).toThrow(/no column "Nope"/);
  });
});
