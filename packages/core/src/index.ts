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
export { normalizeTitle, normalizeDoi } from './imports/text';
export {
  CSV_FIELDS,
  guessMapping,
  type CsvMapping,
  type CsvField,
  type CsvTable,
} from './imports/csv';
export * from './analysis';
export * from './table';
export * from './agreement/tally';
export * from './agreement/statistics';
export * from './agreement/units';
export * from './agreement/disagreements';
export type { CoderSpan, CodedDocument } from './agreement/document';
export * from './assignments';
export * from './agreement/consensus';
