import { describe, expect, it } from 'vitest';
import type { Agreement, AgreementStats } from '@kodbok/contracts';
import { agreementCsv } from './agreement-csv';

const stats = (over: Partial<AgreementStats> = {}): AgreementStats => ({
  units: 10,
  agreements: 8,
  percentAgreement: 0.8,
  cohenKappa: 0.6,
  krippendorffAlpha: 0.61,
  fleissKappa: 0.59,
  brennanPredigerKappa: 0.6,
  ...over,
});

const agreement = (codes: Agreement['codes']): Agreement => ({
  level: 'document',
  threshold: null,
  coders: [
    { id: 'a', name: 'Astrid' },
    { id: 'b', name: 'Bo' },
  ],
  studies: 2,
  documents: 2,
  overall: stats(),
  codes,
});

const lines = (csv: string) => csv.slice(1).split('\r\n');

describe('agreementCsv', () => {
  it('starts with a byte order mark and a header, then the overall row and each code with its theme', () => {
    const csv = agreementCsv(
      agreement([
        { codeId: 't', parentId: null, name: 'Organisation', ...stats() },
        { codeId: 's', parentId: 't', name: 'Stigma, felt', ...stats({ cohenKappa: -0.12346 }) },
      ]),
    );
    expect(csv.startsWith('\uFEFFcode,theme,units,')).toBe(true);
    expect(lines(csv)).toEqual([
      'code,theme,units,agreements,percent_agreement,cohen_kappa,krippendorff_alpha,fleiss_kappa,brennan_prediger_kappa',
      'Overall (all codes),,10,8,0.8,0.6,0.61,0.59,0.6',
      'Organisation,,10,8,0.8,0.6,0.61,0.59,0.6',
      '"Stigma, felt",Organisation,10,8,0.8,-0.1235,0.61,0.59,0.6',
    ]);
  });

  it('leaves an undefined statistic empty rather than writing 0', () => {
    const csv = agreementCsv(
      agreement([
        { codeId: 's', parentId: null, name: 'Stigma', ...stats({ krippendorffAlpha: null }) },
      ]),
    );
    expect(lines(csv)[2]).toBe('Stigma,,10,8,0.8,0.6,,0.59,0.6');
  });

  it('neutralises code names a spreadsheet would run, and quotes line breaks and quotes', () => {
    const names = ['=HYPERLINK("x")', '+1', '-x', '@sum', '\tcmd', '\rcmd', 'say "hi"\nthere'];
    const csv = agreementCsv(
      agreement(names.map((name, i) => ({ codeId: `c${i}`, parentId: null, name, ...stats() }))),
    );
    expect(csv).toContain(`"'=HYPERLINK(""x"")",`);
    expect(csv).toContain(`\r\n'+1,`);
    expect(csv).toContain(`\r\n'-x,`);
    expect(csv).toContain(`\r\n'@sum,`);
    expect(csv).toContain(`\r\n'\tcmd,`);
    expect(csv).toContain(`\r\n"'\rcmd",`);
    expect(csv).toContain(`\r\n"say ""hi""\nthere",`);
  });

  it('keeps a negative coefficient a number, not neutralised text', () => {
    const csv = agreementCsv(
      agreement([{ codeId: 's', parentId: null, name: 'S', ...stats({ fleissKappa: -0.5 }) }]),
    );
    expect(lines(csv)[2]).toBe('S,,10,8,0.8,0.6,0.61,-0.5,0.6');
  });
});
