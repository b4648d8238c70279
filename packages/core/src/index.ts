export * from './offsets';
export * from './segments';
export * from './chunks';
export * from './codebook';
export * from './palette';
export * from './words';
export * from './imports/types';
export * from './imports/parse';
export * from './imports/detect';
export * from './imports/duplicates';
export { MAX_ATTRIBUTE_COLUMNS } from './imports/csv';
export { normalizeTitle, normalizeDoi, type FileText, type LineSource } from './imports/text';
export { linesOf } from './imports/file-lines';
export { windows1252, type BytesDecoder } from './text-encodings';
export {
  CSV_FIELDS,
  guessMapping,
  type CsvMapping,
  type CsvField,
  type CsvTable,
} from './imports/csv';
export * from './analysis';
export * from './overlaps';
export * from './table';
export * from './agreement/tally';
export * from './agreement/statistics';
export * from './agreement/units';
export { matchSegments } from './agreement/matching';
export * from './agreement/grouped-agreement';
export * from './agreement/character-agreement';
export * from './agreement/segment-agreement';
export * from './agreement/mask-tally';
export * from './agreement/grid-masks';
export type { NumberedSpans } from './agreement/span-groups';
export * from './agreement/disagreements';
export type { CoderSpan, CodedDocument } from './agreement/document';
export * from './assignments';
export * from './agreement/consensus';
export * from './exports/citation';
export * from './exports/code-path';
export * from './exports/excerpt-table';
export * from './exports/markup';
export * from './exports/report';
export * from './exports/memos';
export * from './exports/web-annotation';
export * from './exports/tables';
export * from './exports/file-name';
export { RefiFileError, type RefiNotice } from './refi/errors';
export { planQdpxImport } from './refi/import-project';
export type { RefiImportPlan } from './refi/project-plan';
export {
  writeProjectArchive,
  CONSENSUS_GUID,
  type ProjectExport,
  type ExportStudy as RefiExportStudy,
} from './refi/project-write';
export { writeCodebook } from './refi/codebook-write';
export { readCodebookFile } from './refi/codebook-file';
export { mergeCodebook, type CodebookMerge } from './refi/codebook-merge';
export { guidFor, guidKey } from './refi/guid';
export { describeScheme } from './refi/positions';
export * from './collation';
export * from './activity';
export * from './visible-name';
export * from './counts/counts-index';
export * from './counts/counts-scans';
export * from './highlights/highlight-columns';
export * from './highlights/highlight-scans';
export * from './highlights/highlight-spans';
export * from './agreement/document-masks';
