import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, EXPORT_REPORT_LIMIT, REFI_EXPORT_FILES } from '@kodbok/contracts';
import { EXPORT_CHOICES, exportHref, tooBigFor } from './export-choices';

const options = { sheetPerTheme: false, ticks: false };
const filter = {
  coders: ['u1', 'consensus'],
  codes: ['c1'],
  attr: ['country=Sverige', 'design=RCT'],
};

describe('exportHref', () => {
  it('carries the filters and the options that apply to the file', () => {
    expect(
      exportHref('p 1', 'excerpts.xlsx', filter, {
        sheetPerTheme: true,
        ticks: true,
        downloadToken: 't1',
      }),
    ).toBe(
      '/api/projects/p%201/exports/excerpts.xlsx?coders=u1%2Cconsensus&codes=c1&attr=country%3DSverige&attr=design%3DRCT&sheets=theme&downloadToken=t1',
    );
    expect(
      exportHref('p', 'excerpts.csv', filter, { sheetPerTheme: true, ticks: true }),
    ).not.toMatch(/sheets|cells/);
    expect(
      exportHref(
        'p',
        'matrix.md',
        { coders: [], codes: [], attr: [] },
        { ...options, ticks: true },
      ),
    ).toBe('/api/projects/p/exports/matrix.md?cells=ticks');
    expect(exportHref('p', 'presence.csv', { coders: [], codes: [], attr: [] }, options)).toBe(
      '/api/projects/p/exports/presence.csv',
    );
  });

  it('sends the REFI-QDA files to their own paths, with the filters and the download token', () => {
    expect(exportHref('p', 'project.qdpx', filter, { ...options, downloadToken: 't' })).toBe(
      '/api/projects/p/exports/project.qdpx?coders=u1%2Cconsensus&codes=c1&attr=country%3DSverige&attr=design%3DRCT&downloadToken=t',
    );
    expect(exportHref('p', 'codebook.qdc', { coders: [], codes: [], attr: [] }, options)).toBe(
      '/api/projects/p/exports/codebook.qdc',
    );
  });

  it('offers only files the API makes', () => {
    for (const choice of Object.values(EXPORT_CHOICES)) {
      for (const { file } of choice.files) {
        if ((REFI_EXPORT_FILES as readonly string[]).includes(file)) continue;
        const [kind, format] = file.split('.') as [keyof typeof EXPORT_FORMATS, string];
        expect(EXPORT_FORMATS[kind] as readonly string[]).toContain(format);
      }
    }
  });
});

describe('tooBigFor', () => {
  it('refuses a report past the limit, never a table', () => {
    expect(tooBigFor('excerpts.docx', EXPORT_REPORT_LIMIT + 1)).toMatch(/at most 20,000 excerpts/);
    expect(tooBigFor('excerpts.docx', EXPORT_REPORT_LIMIT)).toBeNull();
    expect(tooBigFor('excerpts.csv', 10_000_000)).toBeNull();
    expect(tooBigFor('excerpts.md', undefined)).toBeNull();
  });
});
