import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  csvField,
  csvLine,
  excerptRows,
  neutralizeFormula,
  toCsv,
  type ExportHighlight,
} from '../src/index';

describe('neutralizeFormula', () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=1', '\r=1'])(
    'puts an apostrophe before %j, which a spreadsheet would run',
    (text) => expect(neutralizeFormula(text)).toBe(`'${text}`),
  );

  it('leaves other text alone, including a formula character later on', () => {
    for (const text of ['peer support', 'a = b', '', ' =1', "'quoted", 'Ørsta']) {
      expect(neutralizeFormula(text)).toBe(text);
    }
  });
});

describe('csvField and csvLine', () => {
  it('quotes commas, quotes and line breaks, and leaves numbers as numbers', () => {
    expect(csvLine(['a,b', 'say "hi"', 'line\r\nbreak', -3, null, 2.5])).toBe(
      '"a,b","say ""hi""","line\r\nbreak",-3,,2.5',
    );
  });

  it('neutralises formulas before quoting, so the apostrophe sits inside the quotes', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
  });

  it('round-trips through a CSV parser, non-ASCII and all', () => {
    const rows = [
      ['study', 'excerpt'],
      ['Åkerblom 2023', 'Tromsø, “quoted” 👩🏽‍⚕️\nand 漢字'],
      ['Grim 2022', '-5 points'],
    ];
    const parsed = Papa.parse<string[]>(toCsv(rows), { newline: '\r\n' }).data;
    expect(parsed).toEqual([rows[0], rows[1], ['Grim 2022', "'-5 points"]]);
  });
});

describe('excerptRows', () => {
  const h: ExportHighlight = {
    id: 'h1',
    documentId: 'd1',
    studyId: 's1',
    documentKind: 'abstract',
    coderId: 'u1',
    coderName: 'Astrid',
    start: 4,
    end: 9,
    quote: 'peer',
    prefix: '',
    suffix: '',
    memo: null,
    createdAt: '2026-11-29T10:00:00.000Z',
    codeIds: ['b', 'a', 'gone'],
  };
  const study = {
    key: 'Grim 2022',
    citation: 'Grim 2022',
    authors: 'Grim, K.',
    year: 2022,
    title: 'T',
    doi: '10.1/x',
  };

  it('gives one row per known code, in codebook order', () => {
    const codes = new Map([
      ['a', { path: 'Theme › A', order: 0 }],
      ['b', { path: 'Theme › B', order: 1 }],
    ]);
    const rows = excerptRows(h, study, codes);
    expect(rows.map((r) => r[6])).toEqual(['Theme › A', 'Theme › B']);
    expect(rows[0]).toEqual([
      'Grim 2022',
      'Grim, K.',
      2022,
      'T',
      '10.1/x',
      'abstract',
      'Theme › A',
      'Astrid',
      'peer',
      4,
      9,
      null,
      '2026-11-29T10:00:00.000Z',
    ]);
  });
});
