import { describe, expect, it } from 'vitest';
import { parseRis } from '../../src/imports/ris';
import { fixture } from './fixture';

const parse = (name: string) => parseRis(fixture(name), name);

describe('parseRis', () => {
  it('reads an EndNote export: BOM, CRLF, PY with slashes, wrapped abstract, "ER  -" without a space', () => {
    const { records, problems } = parse('endnote.ris');
    expect(problems).toEqual([]);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      line: 1,
      title: 'Managers as peer workers’ allies: a qualitative study',
      authors: ['Åkerblom, Kristina Bakke', 'Mohn-Haugen, Torbjørn'],
      year: 2023,
      journal: 'International Journal of Mental Health Systems',
      volume: '17',
      issue: '1',
      pages: '12-25',
      doi: '10.1186/s13033-023-00588-5',
      abstract:
        'Background: Citizens with experience of services are employed as peer workers.\nMethods: four online focus groups with 17 managers.',
      attributes: { keywords: 'Peer workers; Management', notes: 'Export Date: 3 March 2024' },
    });
    expect(records[1]).toMatchObject({ line: 19, year: 2022, abstract: '' });
  });

  it('reads a Zotero export: DA and PY, T2 before J2, a DOI in DO, language and publisher', () => {
    const [r] = parse('zotero.ris').records;
    expect(r).toMatchObject({
      year: 2015,
      journal: 'Administration and Policy in Mental Health and Mental Health Services Research',
      doi: '10.1007/s10488-014-0603-z',
      pages: '682-694',
      attributes: { language: 'en', publisher: 'Springer' },
    });
  });

  it('takes the PMID from AN in a PubMed export, T1/A1/Y1/JO/N2 as the older tags', () => {
    const [r] = parse('pubmed.ris').records;
    expect(r).toMatchObject({
      pmid: '25331447',
      title: 'Introducing new peer worker roles into mental health services in England.',
      authors: ['Gillard, Steve'],
      year: 2015,
      journal: 'Administration and policy in mental health',
      abstract: 'A wide variety of peer worker roles is being introduced.',
    });
  });

  it('reads Scopus (JF) and reports a record without a title with its line', () => {
    const { records, problems } = parse('scopus.ris');
    expect(records.map((r) => r.journal)).toEqual([
      'Journal of Psychosocial Rehabilitation and Mental Health',
    ]);
    expect(problems).toEqual([
      { file: 'scopus.ris', line: 17, message: 'the record has no title (TI, T1 or ST)' },
    ]);
  });

  it('joins a title continued on the next line (Web of Science) and ignores a WOS accession', () => {
    const [r] = parse('wos.ris').records;
    expect(r!.title).toBe('Peer support in psychiatric care: a Swedish interview study');
    expect(r!.pmid).toBeNull();
    expect(r!.journal).toBe('ISSUES IN MENTAL HEALTH NURSING');
  });

  it('keeps the paragraphs of a multi-line Mendeley abstract', () => {
    expect(parse('mendeley.ris').records[0]!.abstract).toBe(
      'First paragraph of the abstract.\nSecond paragraph, after a blank line.',
    );
  });

  it('leaves out a record cut short, naming it, and imports the rest', () => {
    const { records, problems } = parse('truncated.ris');
    expect(records.map((r) => r.title)).toEqual(['First']);
    expect(problems).toEqual([
      {
        file: 'truncated.ris',
        line: 5,
        message:
          'the record that starts here has no "ER  -" line (the file may be cut short); it is left out',
      },
    ]);
  });

  it('leaves out a record without ER before the next TY, and one without TY before its ER', () => {
    const text = [
      'TY  - JOUR', // 1
      'TI  - No end',
      'TY  - JOUR', // 3
      'TI  - Whole',
      'ER  - ',
      'TI  - Lost its TY', // 6
      'ER  - ', // 7
    ].join('\n');
    const { records, problems } = parseRis(text, 'x.ris');
    expect(records.map((r) => r.title)).toEqual(['Whole']);
    expect(problems).toEqual([
      {
        file: 'x.ris',
        line: 1,
        message:
          'the record that starts here has no "ER  -" line before the next one (line 3); it is left out',
      },
      {
        file: 'x.ris',
        line: 6,
        message: 'the record that ends at line 7 has no "TY  - " line; it is left out',
      },
    ]);
  });

  it('refuses a file without one complete record, saying what a record looks like', () => {
    expect(() => parseRis('\n\n', 'x.ris')).toThrow(
      'RIS file x.ris, line 3: no complete record: a RIS record starts with "TY  - " and ends with "ER  -"',
    );
    expect(() => parseRis('TY  - JOUR\nTI  - Cut', 'x.ris')).toThrow(
      /line 1: no complete record: .*, and the record that starts here has no "ER {2}-" line \(the file may be cut short\)$/,
    );
  });
});

describe('parseRis on what databases really write', () => {
  it('skips Ovid\'s record numbers, NL tags after ER and "Link to the Ovid Full Text" lines (#1)', () => {
    const text = [
      '1.',
      'TY  - JOUR',
      'T1  - First.',
      'Y1  - 2019//',
      'SP  - No',
      'EP  - Specified',
      'ER  -',
      'NL  - Clin Psychol Psychother',
      '',
      'Link to the Ovid Full Text or citation: https://example.org/?T=JS',
      '',
      '2.',
      'TY  - JOUR',
      'T1  - Second.',
      'ER  -',
    ].join('\n');
    const { records, problems } = parseRis(text, 'ovid.ris');
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.line, r.title, r.pages])).toEqual([
      [2, 'First.', null],
      [13, 'Second.', null],
    ]);
  });

  it('skips the Provider/Database/Content header of JSTOR and APA PsycNET (#2)', () => {
    const text =
      'Provider: JSTOR http://www.jstor.org\r\nDatabase: JSTOR\r\nContent: text/plain; charset="UTF-8"\r\n\r\n' +
      'TY  - JOUR\r\nTI  - A\r\nER  - \r\n\r\nProvider: JSTOR\r\nTY  - JOUR\r\nTI  - B\r\nER  - \r\n';
    expect(parseRis(text, 'jstor.ris').records.map((r) => r.title)).toEqual(['A', 'B']);
  });

  it('takes each line of a multi-line KW as a keyword of its own (#3)', () => {
    const text =
      'TY  - JOUR\nTI  - T\nKW  - Animals\nBoswellia/*chemistry\nHumans\nKW  - Other\nER  -';
    expect(parseRis(text, 'endnote.txt').records[0]!.attributes.keywords).toBe(
      'Animals; Boswellia/*chemistry; Humans; Other',
    );
  });

  it('takes the PMID from AN when EndNote marks PubMed records with "DP  - NLM" (#5)', () => {
    const text = 'TY  - JOUR\nAN  - 21553931\nDP  - NLM\nTI  - T\nER  -';
    expect(parseRis(text, 'endnote.txt').records[0]!.pmid).toBe('21553931');
    const rayyan = 'TY  - JOUR\nAN  - rayyan-264552525\nTI  - T\nER  -';
    expect(parseRis(rayyan, 'rayyan.txt').records[0]!.pmid).toBeNull();
  });

  it('keeps a record whose title is only in ST (#14)', () => {
    const text =
      '\ufeffTY  - Journal Article\nAU  - Dobrokhotova, Yu E.\nST  - Состояние эндометрия\nER  -';
    expect(parseRis(text, 'x.ris').records[0]).toMatchObject({
      title: 'Состояние эндометрия',
      authors: ['Dobrokhotova, Yu E.'],
    });
  });

  it('accepts the 4-letter PMID tag and longer tags of APA PsycNET (#15)', () => {
    const text =
      'TY  - JOUR\r\nPMID  - 33355555\r\nDESCRIPTORS  - *Depression\r\nT1  - Primary Title\r\nER  - \r\n';
    const { records, problems } = parseRis(text, 'apa.ris');
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({ title: 'Primary Title', pmid: '33355555' });
  });
});
