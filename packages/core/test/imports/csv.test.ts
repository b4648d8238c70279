import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
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

  it('leaves out the row with an unclosed quote and the rest, importing the rows before it', () => {
    const { records, problems } = parseCsv(fixture('unclosed.csv'), 'u.csv');
    expect(records.map((r) => r.title)).toEqual(['Quoted, with comma']);
    expect(problems).toEqual([
      {
        file: 'u.csv',
        line: 3,
        message:
          'a quoted cell is not closed (a " is missing); this row and the rest of the file are left out',
      },
    ]);
    expect(() => parseCsv('Title,n\n"Unclosed,1\n', 'v.csv')).toThrow(
      'CSV file v.csv, line 2: a quoted cell is not closed',
    );
  });

  it('refuses a table whose columns would make more than 500 attributes, saying how many', () => {
    const columns = ['Title', ...Array.from({ length: 501 }, (_, i) => `c${i}`)];
    const text = `${columns.join(',')}\nA,${'x,'.repeat(500)}x\n`;
    expect(() => parseCsv(text, 'wide.csv')).toThrow(
      'CSV file wide.csv, line 1: 501 columns would become study attributes, and Kodbok takes at most 500',
    );
    const fits = `${columns.slice(0, 501).join(',')}\nA,${'x,'.repeat(499)}x\n`;
    expect(parseCsv(fits, 'fits.csv').table.mapping.attributes).toHaveLength(500);
  });

  it('refuses a mapping to a missing column', () => {
    expect(() =>
      parseCsv('Title\nA\n', 'x.csv', { ...guessMapping(['Title']), abstract: 'Nope' }),
    ).toThrow(/no column "Nope"/);
  });
});

describe('CSV exports of the databases', () => {
  it('guesses comma-separated "Surname Initials" authors of Scopus and Embase (#4)', () => {
    const text =
      'Authors,Title,Year\n"Aguiar L., Gagnepain P.",A,2022\n"Liu R., Adler D.G.",B,2014\n"Demeter K.",C,2021\n';
    const { records, table } = parseCsv(text, 'scopus.csv');
    expect(table.mapping.authorSeparator).toBe(',');
    expect(records.map((r) => r.authors)).toEqual([
      ['Aguiar, L.', 'Gagnepain, P.'],
      ['Liu, R.', 'Adler, D.G.'],
      ['Demeter, K.'],
    ]);
  });

  it('guesses PubMed\'s authors: commas, a final full stop, a group after ";" (#4)', () => {
    const text =
      'PMID,Title,Authors\n1,A,"Hill MK, Patel RR, Anand P, Dellavalle RP."\n2,B,"Lopez BL; Delaware Valley EM Residency Program Directors Group."\n3,C,"Arif N, Al-Jefri M."\n';
    const { records } = parseCsv(text, 'pubmed.csv');
    expect(records.map((r) => r.authors)).toEqual([
      ['Hill, MK', 'Patel, RR', 'Anand, P', 'Dellavalle, RP'],
      ['Lopez, BL', 'Delaware Valley EM Residency Program Directors Group'],
      ['Arif, N', 'Al-Jefri, M'],
    ]);
  });

  it('keeps "Surname, Given" authors separated by semicolons, and follows a chosen separator', () => {
    const text = 'Title,Authors\nA,"Grim, Katarina; Bergmark, Magnus"\nB,"Grim, Katarina"\n';
    expect(parseCsv(text, 'x.csv').records.map((r) => r.authors)).toEqual([
      ['Grim, Katarina', 'Bergmark, Magnus'],
      ['Grim, Katarina'],
    ]);
    const mapping = { ...guessMapping(['Title', 'Authors']), authorSeparator: '|' as const };
    const barred = parseCsv('Title,Authors\nA,Grim K | Berg M\n', 'x.csv', mapping);
    expect(barred.records[0]!.authors).toEqual(['Grim, K', 'Berg, M']);
  });

  it('drops Scopus placeholders such as "[No abstract available]" (#11)', () => {
    const text =
      'Authors,Title,Abstract,Author(s) ID\n[No author name available],A,[No abstract available],[No author id available]\n';
    const [r] = parseCsv(text, 'scopus.csv').records;
    expect(r).toMatchObject({ authors: [], abstract: '', attributes: {} });
  });

  it('finds Embase\'s year and journal inside "Source" (#13)', () => {
    const text =
      'Title,Author Names,Source\nA,"Liu R., Adler D.G.",Endoscopic Ultrasound (2014) 3:3 (152-160). Date of Publication: 2014\n';
    const { records, table } = parseCsv(text, 'embase.csv');
    expect(table.mapping).toMatchObject({ journal: 'Source', year: 'Source' });
    expect(records[0]).toMatchObject({ year: 2014, journal: 'Endoscopic Ultrasound' });
  });
});

describe('parseCsv and headers without a visible character', () => {
  // A Scopus export whose "Source" header an editor replaced by a zero-width space and a joiner.
  const scopus = readFileSync('/work/shared/realworld/imports/scopus127.csv', 'utf8');
  const edited = scopus.replace(/^(\ufeff?)(.*)$/m, (_, bom: string, header: string) => {
    const cells = header.split(',');
    const i = cells.findIndex((c) => c.replace(/"/g, '') === 'Source');
    cells[i] = '"\u200b\u200d"';
    return bom + cells.join(',');
  });
  const sourceColumn =
    scopus
      .split('\n')[0]!
      .split(',')
      .findIndex((c) => /^"?Source"?$/.test(c)) + 1;

  it('leaves such a column out of the guessed attributes, with a warning naming it', () => {
    const { table, records, warnings } = parseCsv(edited, 'scopus.csv');
    expect(table.mapping.attributes).not.toContain('\u200b\u200d');
    expect(records.length).toBeGreaterThan(100);
    expect(records.every((r) => !('\u200b\u200d' in r.attributes))).toBe(true);
    expect(warnings).toEqual([
      {
        file: 'scopus.csv',
        line: 1,
        message: `column ${sourceColumn} (header U+200B U+200D) has no visible character in its header, so it is not made a study attribute: give it a name in the file to import it`,
      },
    ]);
  });

  it('refuses a mapping that makes such a column an attribute, naming the file and the column', () => {
    const mapping = { ...guessMapping(['Title', '\u0007']), attributes: ['\u0007'] };
    expect(() => parseCsv('Title,\u0007\nA study,x\n', 'bell.csv', mapping)).toThrow(
      'CSV file bell.csv, line 1: column 2 (header U+0007) has no visible character in its header, so it cannot become a study attribute',
    );
  });

  it('leaves empty headers out silently, the second one too', () => {
    const { table, warnings } = parseCsv('Title,,,Country\nA,x,y,Norway\n', 'e.csv');
    expect(table.mapping.attributes).toEqual(['Country']);
    expect(warnings).toEqual([]);
  });
});
