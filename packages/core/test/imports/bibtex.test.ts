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

  it('reads hostile fields in linear time: 240,000 spaces in pages and keywords', () => {
    // Quadratic clean-up took about a minute on each of these; the test's 5 s limit catches it.
    const spaces = ' '.repeat(240_000);
    const text = `@article{k,\n title={T},\n pages={12${spaces}--${spaces}34},\n keywords={a${spaces}b}\n}\n@article{m,\n title={U},\n pages={1${spaces}2}\n}\n`;
    const { records } = parseBibtex(text, 'hostile.bib');
    expect(records.map((r) => r.title)).toEqual(['T', 'U']);
    expect(records[0]!.pages).toBe('12-34');
  });

  it('reports an entry without a title', () => {
    expect(problems).toEqual([
      { file: 'library.bib', line: 37, message: '@misc{untitled2020} has no title' },
    ]);
  });

  it('leaves out an entry with an unclosed brace, naming it, and reads the next one', () => {
    const { records, problems } = parseBibtex(fixture('broken.bib'), 'broken.bib');
    expect(records.map((r) => r.title)).toEqual(['Next']);
    expect(problems).toEqual([
      {
        file: 'broken.bib',
        line: 1,
        message:
          'at line 6, the entry that starts at line 1 is not closed before the next entry; a "}" may be missing; the entry is left out',
      },
    ]);
    expect(() => parseBibtex('@article{a, title = {cut', 'cut.bib')).toThrow(
      /line 1: .*not closed/,
    );
  });

  it('reads citation keys with spaces (Scopus) and an entry glued to the previous "}" (#8)', () => {
    const text =
      '\ufeffScopus\nEXPORT DATE: 18 November 2024\n\n@ARTICLE{Inês Silva2023,\n\ttitle = {One}}@ARTICLE{A D2023,\n\ttitle = {Two}\n}';
    const { records, problems } = parseBibtex(text, 'scopus.bib');
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.line, r.title])).toEqual([
      [4, 'One'],
      [5, 'Two'],
    ]);
  });

  it('collapses fields wrapped over lines, keeping \\par as a paragraph of the abstract (#9)', () => {
    const text = [
      '@article{w,',
      '  title = {Effect of the gap width in AZ31 magnesium alloy joints obtained by',
      '   friction stir welding},',
      '  author = {Aziz, Joseph N. Y. and Abdelhalim, Karim and',
      '\t',
      '\t Genov, Roman},',
      '  abstract = {First paragraph',
      '   goes on.\\par Second.},',
      '  note = {A\n\\par\nB}',
      '}',
    ].join('\n');
    const [r] = parseBibtex(text, 'wos.bib').records;
    expect(r).toMatchObject({
      title:
        'Effect of the gap width in AZ31 magnesium alloy joints obtained by friction stir welding',
      authors: ['Aziz, Joseph N. Y.', 'Abdelhalim, Karim', 'Genov, Roman'],
      abstract: 'First paragraph goes on.\nSecond.',
      attributes: { notes: 'A B' },
    });
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
    // #7: Zotero's and JabRef's text-mode symbols.
    ['p {\\textless} 0.05', 'p < 0.05'],
    ['prismatic {\\textless}a{\\textgreater} and', 'prismatic <a> and'],
    ['a \\textbar{} b', 'a | b'],
    ['x\\textasciicircum 2', 'x^2'],
    ['\\textbraceleft x\\textbraceright', '{x}'],
    ['\\{set\\}', '{set}'],
    ['costs \\$5 and CO$_2$', 'costs $5 and CO₂'],
    ['{\\relax MA}', 'MA'],
    ['wrapped\n\t\n\t over lines', 'wrapped over lines'],
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
