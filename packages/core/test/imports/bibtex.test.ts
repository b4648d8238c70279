import { describe, expect, it } from 'vitest';
import { parseBibtex, splitAuthors } from '../../src/imports/bibtex';
import { latexToUnicode } from '../../src/imports/latex';
import { fixture } from './fixture';

describe('parseBibtex', () => {
  const { records, problems } = parseBibtex(fixture('library.bib'), 'library.bib');

  it('reads entries with @string macros, nested braces, accents and and-separated authors', () => {
    expect(records[0]).toMatchObject({
      line: 6,
      title:
        "Managers as peer workers' allies: A qualitative study of managers' perceptions in Norwegian services",
      authors: ['Åkerblom, Kristina Bakke', 'Mohn-Haugen, Torbjørn', 'Agdal, Rita'],
      year: 2023,
      journal: 'International Journal of Mental Health Systems',
      volume: '17',
      issue: '1',
      doi: '10.1186/s13033-023-00588-5',
      abstract: 'Background Citizens with experience äre increasingly employed as peer workers.',
      attributes: { keywords: 'Peer workers; Management; Co-creation' },
    });
  });

  it('reads quoted values, BibLaTeX date and journaltitle, page ranges and escaped specials', () => {
    expect(records[1]).toMatchObject({
      title: 'Experiences and Challenges in the Role as Peer Support Workers – An Interview Study',
      authors: ['Wall, Anna', 'Lovheden, Theresia', 'Stjernswärd, Sigrid'],
      year: 2022,
      journal: 'Issues in Mental Health Nursing',
      pages: '344-355',
      attributes: { publisher: 'Taylor & Francis' },
    });
  });

  it('turns "First von Last" into "von Last, First", keeps institutions, concatenates with #', () => {
    expect(records[2]).toMatchObject({
      title: 'Peer support in Örebro and Tromsø – “a comparison”',
      authors: ['Müller, José', 'van der Berg, Anna', 'World Health Organization'],
      journal: 'Proceedings of the Nordic Conference on Mental Health',
      pmid: '31234567',
    });
  });

  it('reports an entry without a title', () => {
    expect(problems).toEqual([
      { file: 'library.bib', line: 37, message: '@misc{untitled2020} has no title' },
    ]);
  });

  it('refuses an unclosed brace, naming the entry and where the next one starts', () => {
    expect(() => parseBibtex(fixture('broken.bib'), 'broken.bib')).toThrow(
      'BibTeX file broken.bib, line 6: the entry that starts at line 1 is not closed',
    );
    expect(() => parseBibtex('@article{a, title = {cut', 'cut.bib')).toThrow(
      /line 1: .*not closed/,
    );
  });

  it('refuses an undefined @string', () => {
    expect(() => parseBibtex('@article{a, journal = nosuch}', 'x.bib')).toThrow(
      /"nosuch" is not a defined @string/,
    );
  });
});

describe('latexToUnicode', () => {
  it.each([
    ['{\\"a}', 'ä'],
    ['\\"{o}', 'ö'],
    ["\\'e", 'é'],
    ['{\\aa}', 'å'],
    ['\\AA{}kerblom', 'Åkerblom'],
    ['Troms\\o', 'Tromsø'],
    ['\\ss', 'ß'],
    ['\\v{c}', 'č'],
    ["\\'\\i", 'í'],
    ['\\c{c}', 'ç'],
    ['a \\& b', 'a & b'],
    ['\\emph{word}', 'word'],
    ['1990--2000', '1990–2000'],
  ])('%s → %s', (latex, text) => expect(latexToUnicode(latex)).toBe(text));
});

describe('splitAuthors', () => {
  it('splits on "and" outside braces only, and drops "others"', () => {
    expect(splitAuthors('A, B and {Barnes and Noble} AND C, D and others')).toEqual([
      'A, B',
      '{Barnes and Noble}',
      'C, D',
    ]);
  });
});
