import { describe, expect, it } from 'vitest';
import { parseRis } from '../../src/imports/ris';
import { MalformedFileError } from '../../src/imports/types';
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
      { file: 'scopus.ris', line: 17, message: 'the record has no title (TI or T1)' },
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

  it('refuses a truncated file, naming the record that has no end', () => {
    expect(() => parse('truncated.ris')).toThrow(
      'RIS file truncated.ris, line 7: the record that starts at line 5 has no "ER  -" line',
    );
  });

  it('refuses text outside records and a file with no records', () => {
    expect(() => parseRis('Hello\nTY  - JOUR\nER  - ', 'x.ris')).toThrow(
      /line 1: "Hello" is outside/,
    );
    expect(() => parseRis('\n\n', 'x.ris')).toThrow(MalformedFileError);
  });
});
