/*
 * What can be exported and how: plain values, in a module without schemas. The server's worker
 * threads need these and no schema; with the package free of side effects ("sideEffects": false
 * in its package.json) their bundles leave the schema modules out, and a worker does not build
 * the API's TypeBox schemas when it starts (15 MB of an import worker's memory, issue 13).
 */

/** What can be exported, in which formats. */
export const EXPORT_FORMATS = {
  excerpts: ['csv', 'xlsx', 'md', 'html', 'docx', 'json'],
  matrix: ['csv', 'xlsx', 'md'],
  presence: ['csv'],
  codebook: ['csv', 'json', 'docx'],
  memos: ['md', 'docx'],
} as const;
export type ExportKind = keyof typeof EXPORT_FORMATS;
export type ExportFormat<K extends ExportKind = ExportKind> = (typeof EXPORT_FORMATS)[K][number];

/** The media type each format is served as. */
export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/ld+json; charset=utf-8',
};

/**
 * Reports (Markdown, HTML, Word) are read by people and built whole before they are sent: past
 * this many (excerpt, code) entries the API refuses one (400) and suggests a filter or CSV/XLSX,
 * which stream any size. Memos use the same bound.
 */
export const EXPORT_REPORT_LIMIT = 20_000;

/** A workbook sheet holds at most 1,048,576 rows (one is the header). */
export const XLSX_MAX_ROWS = 1_048_575;
