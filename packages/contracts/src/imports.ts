import Type from 'typebox';
import { MAX_ATTRIBUTE_COLUMNS } from '@kodbok/core';
import { IdSchema } from './common';
import { defineEndpoints } from './endpoint';
import { ProjectParams } from './projects';

/*
 * POST /api/projects/:projectId/imports (multipart: one or more `file` parts, an optional
 * `mapping` part for CSV). The same request previews (nothing stored) or commits (one transaction).
 */

export const ImportFormatSchema = Type.Union([
  Type.Literal('ris'),
  Type.Literal('bibtex'),
  Type.Literal('medline'),
  Type.Literal('wos'),
  Type.Literal('csv'),
  Type.Literal('text'),
]);
export type ImportFormat = Type.Static<typeof ImportFormatSchema>;

const duplicateChoice = (options: { default?: string } = {}) =>
  Type.Union([Type.Literal('skip'), Type.Literal('update'), Type.Literal('import')], {
    description:
      'skip: leave duplicates out; update: fill the existing study with the record (fields, attributes, an abstract it lacks); import: create them anyway',
    ...options,
  });
export const DuplicateChoiceSchema = duplicateChoice();
export type DuplicateChoice = Type.Static<typeof DuplicateChoiceSchema>;

export const ImportQuery = Type.Object(
  {
    mode: Type.Optional(
      Type.Union([Type.Literal('preview'), Type.Literal('commit')], { default: 'preview' }),
    ),
    duplicates: Type.Optional(duplicateChoice({ default: 'skip' })),
  },
  { additionalProperties: false },
);
export type ImportQuery = Type.Static<typeof ImportQuery>;

const Column = Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()]);

/** What separates authors in the authors column; guessed from the cells when not given. */
export const AuthorSeparatorSchema = Type.Union(
  [Type.Literal(';'), Type.Literal(','), Type.Literal('|'), Type.Literal('\n')],
  { description: '"Aguiar L., Gagnepain P." is two authors with ","' },
);
export type AuthorSeparator = Type.Static<typeof AuthorSeparatorSchema>;

/** Which CSV column holds which field (column names from the header). Sent as the `mapping` part. */
export const CsvMappingSchema = Type.Object(
  {
    title: Column,
    abstract: Column,
    authors: Column,
    year: Column,
    doi: Column,
    pmid: Column,
    journal: Column,
    attributes: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
      maxItems: MAX_ATTRIBUTE_COLUMNS,
    }),
    authorSeparator: Type.Optional(AuthorSeparatorSchema),
  },
  { additionalProperties: false },
);
export type CsvMapping = Type.Static<typeof CsvMappingSchema>;

const Where = {
  file: Type.String({ description: 'file name as uploaded' }),
  line: Type.Integer({ description: '1-based line where the record starts' }),
};

export const ImportProblemSchema = Type.Object({ ...Where, message: Type.String() });

export const ImportDuplicateSchema = Type.Object({
  ...Where,
  title: Type.String(),
  year: Type.Union([Type.Integer(), Type.Null()]),
  reason: Type.Union([Type.Literal('doi'), Type.Literal('pmid'), Type.Literal('title')], {
    description: 'same DOI, same PMID, or the same normalised title and year',
  }),
  studyId: Type.Union([IdSchema, Type.Null()], {
    description:
      'the project study it matches; null when it repeats an earlier record of the import',
  }),
  matches: Type.String({ description: 'title of what it matches, for people' }),
});

export const ImportRecordSummarySchema = Type.Object({
  ...Where,
  title: Type.String(),
  authors: Type.Array(Type.String()),
  year: Type.Union([Type.Integer(), Type.Null()]),
  journal: Type.Union([Type.String(), Type.Null()]),
  hasText: Type.Boolean({ description: 'false: the study will have nothing to code yet' }),
  duplicate: Type.Boolean(),
  attributes: Type.Record(Type.String(), Type.String()),
});

export const CsvTableSchema = Type.Object({
  file: Type.String(),
  columns: Type.Array(Type.String()),
  sample: Type.Array(Type.Array(Type.String()), {
    description: 'the first rows, for the mapping step',
  }),
  delimiter: Type.String(),
  mapping: CsvMappingSchema,
});
export type CsvTable = Type.Static<typeof CsvTableSchema>;

export const ImportPreviewSchema = Type.Object({
  format: Type.Union([ImportFormatSchema, Type.Literal('mixed')]),
  files: Type.Array(
    Type.Object({ name: Type.String(), format: ImportFormatSchema, records: Type.Integer() }),
  ),
  records: Type.Integer({ description: 'readable records in all files' }),
  new: Type.Integer({
    description: 'records that duplicate nothing: studies that will be created',
  }),
  duplicates: Type.Array(ImportDuplicateSchema),
  problems: Type.Array(ImportProblemSchema, { description: 'records that cannot be imported' }),
  warnings: Type.Array(ImportProblemSchema, {
    description: 'records that import, but not exactly as the file has them (a value cut to fit)',
  }),
  withoutText: Type.Integer({
    description: 'records without an abstract or text: nothing to code yet',
  }),
  sample: Type.Array(ImportRecordSummarySchema, { description: 'the first 100 records' }),
  csv: Type.Union([CsvTableSchema, Type.Null()]),
});
export type ImportPreview = Type.Static<typeof ImportPreviewSchema>;

export const ImportResultSchema = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  skipped: Type.Integer({ description: 'duplicates left out and records with problems' }),
});
export type ImportResult = Type.Static<typeof ImportResultSchema>;

export const importEndpoints = defineEndpoints({
  importStudies: {
    method: 'POST',
    path: '/projects/:projectId/imports',
    requires: 'manageStudies',
    tags: ['studies'],
    description: `Multipart form data: one or more \`file\` parts (RIS, BibTeX, PubMed MEDLINE, Web of
Science plain text, CSV or plain text, recognised from the content) and, for CSV, an optional
\`mapping\` part (JSON CsvMapping). Records that cannot be read are listed as problems and the rest
imports; a file in which nothing is a record is refused with 400. mode=preview stores nothing;
mode=commit stores everything or nothing: the studies are written in short slices, unseen, and appear together (docs/decisions/019).`,
    params: ProjectParams,
    query: ImportQuery,
    multipart: true,
    ok: { 200: ImportPreviewSchema, 201: ImportResultSchema },
    errors: [400, 401, 403, 404, 413, 415, 422, 429],
  },
});
