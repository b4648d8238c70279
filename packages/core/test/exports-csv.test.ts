import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  csvField,
  csvLine,
  excerptCsvRecords,
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

describe('excerptCsvRecords', () => {
  // Text a CSV writer must escape: commas, quotes, line breaks, formula starts, non-ASCII.
  const cell = fc.oneof(
    fc.string(),
    fc.constantFrom(
      'a,b',
      'say "hi"',
      'line\r\nbreak',
      '=1+1',
      '-5',
      '@x',
      '\t=1',
      'Åkerblom ø 😀',
    ),
  );
  const study = fc.record({
    key: cell,
    citation: cell,
    authors: cell,
    year: fc.option(fc.integer({ min: 1900, max: 2100 })),
    title: cell,
    doi: fc.option(cell),
  });
  const codeIds = ['a', 'b', 'c', 'gone'];
  const highlight = fc.record({
    id: fc.uuid(),
    documentId: fc.uuid(),
    studyId: fc.uuid(),
    documentKind: fc.constantFrom('abstract', 'text'),
    coderId: fc.uuid(),
    coderName: cell,
    start: fc.nat(),
    end: fc.nat(),
    quote: cell,
    prefix: cell,
    suffix: cell,
    memo: fc.option(cell),
    createdAt: cell,
    codeIds: fc.uniqueArray(fc.constantFrom(...codeIds), { maxLength: 4 }),
  });
  const codes = new Map([
    ['a', { path: 'Theme › A, first', order: 2 }],
    ['b', { path: '=Theme › "B"', order: 0 }],
    ['c', { path: 'C', order: 1 }],
  ]);

  it('writes what csvLine writes of excerptRows, CRLF after each record', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(highlight, fc.nat({ max: 2 }))),
        fc.array(study, { minLength: 3, maxLength: 3 }),
        (items, studies) => {
          // One writer over many highlights, with studies and coders repeating: the cells it keeps
          // must be the ones of the study and coder at hand.
          const records = excerptCsvRecords(codes);
          for (const [h, s] of items) {
            const expected = excerptRows(h, studies[s]!, codes)
              .map((row) => `${csvLine(row)}\r\n`)
              .join('');
            expect(records(h, studies[s]!)).toBe(expected);
          }
        },
      ),
    );
  });

  it('reads back through a CSV parser as the cells it was given', () => {
    const records = excerptCsvRecords(codes);
    const h: ExportHighlight = {
      id: 'h1',
      documentId: 'd1',
      studyId: 's1',
      documentKind: 'text',
      coderId: 'u1',
      coderName: 'Öberg, "Ö"',
      start: 3,
      end: 9,
      quote: 'peer,\r\nsupport',
      prefix: '',
      suffix: '',
      memo: '=cmd',
      createdAt: '2026-11-29T10:00:00.000Z',
      codeIds: ['a', 'b'],
    };
    const s = {
      key: 'Grim 2022',
      citation: '',
      authors: 'Grim, K.',
      year: 2022,
      title: 'T',
      doi: null,
    };
    const parsed = Papa.parse<string[]>(records(h, s).trimEnd(), { newline: '\r\n' }).data;
    expect(parsed.map((row) => [row[6], row[7], row[8], row[11]])).toEqual([
      ['\'=Theme › "B"', 'Öberg, "Ö"', 'peer,\r\nsupport', "'=cmd"],
      ['Theme › A, first', 'Öberg, "Ö"', 'peer,\r\nsupport', "'=cmd"],
    ]);
  });
});
