import type { Agreement } from '@kodbok/contracts';
import { toCsv } from '@kodbok/core';
import { STATISTICS } from './statistics';

type Cell = string | number | null;

const HEADER = [
  'code',
  'theme',
  'units',
  'agreements',
  'percent_agreement',
  'cohen_kappa',
  'krippendorff_alpha',
  'fleiss_kappa',
  'brennan_prediger_kappa',
];

/** Four decimals: more than the table shows, without binary noise (0.30000000000000004). */
const round = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);

/**
 * The agreement table as CSV rows, header first: the overall row, then each code with its
 * theme. An undefined statistic is an empty cell, which spreadsheets and R read as missing
 * (a text "n/a" would turn the whole column into text).
 */
export function agreementCsvRows(agreement: Agreement): Cell[][] {
  const names = new Map(agreement.codes.map((c) => [c.codeId, c.name]));
  const figures = (s: Agreement['overall']) => [
    s.units,
    s.agreements,
    ...STATISTICS.map((stat) => round(s[stat.key])),
  ];
  return [
    HEADER,
    ['Overall (all codes)', '', ...figures(agreement.overall)],
    ...agreement.codes.map((c) => [
      c.name,
      c.parentId === null ? '' : (names.get(c.parentId) ?? ''),
      ...figures(c),
    ]),
  ];
}

/**
 * Text a spreadsheet would run as a formula gets a leading apostrophe. core's toCsv covers
 * = + - @; a leading tab or carriage return is neutralised here too (OWASP's list), since
 * spreadsheets strip them and then read what follows.
 */
export function neutraliseCells(rows: readonly (readonly Cell[])[]): Cell[][] {
  return rows.map((row) =>
    row.map((v) => (typeof v === 'string' && /^[\t\r]/.test(v) ? `'${v}` : v)),
  );
}

/** The whole file: UTF-8 byte order mark (so spreadsheets read å, ø and κ), then RFC 4180 CSV. */
export function agreementCsv(agreement: Agreement): string {
  return `\uFEFF${toCsv(neutraliseCells(agreementCsvRows(agreement)))}`;
}
