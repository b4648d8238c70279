import Type from 'typebox';
import { MAX_ATTRIBUTE_COLUMNS } from '@kodbok/core';
import { CodersParam } from './analysis';
import { IdSchema, NOT_BLANK, NoContent } from './common';
import { defineEndpoints } from './endpoint';
import { ProjectParams } from './projects';

export const AttributesSchema = Type.Record(
  Type.String({ maxLength: 100 }),
  Type.String({ maxLength: 2000 }),
  {
    description: 'free study attributes, e.g. {"country": "Sweden"}',
    // As many as a CSV import may bring: every study list carries them all.
    maxProperties: MAX_ATTRIBUTE_COLUMNS,
  },
);

export const DocumentKindSchema = Type.Union([Type.Literal('abstract'), Type.Literal('text')]);

export const DocumentSummarySchema = Type.Object({
  id: IdSchema,
  kind: DocumentKindSchema,
  length: Type.Integer({ description: 'length of the text in UTF-16 code units' }),
});

export const StudySchema = Type.Object({
  id: IdSchema,
  projectId: IdSchema,
  title: Type.String(),
  authors: Type.Array(Type.String()),
  year: Type.Union([Type.Integer(), Type.Null()]),
  journal: Type.Union([Type.String(), Type.Null()]),
  doi: Type.Union([Type.String(), Type.Null()]),
  pmid: Type.Union([Type.String(), Type.Null()]),
  volume: Type.Union([Type.String(), Type.Null()]),
  issue: Type.Union([Type.String(), Type.Null()]),
  pages: Type.Union([Type.String(), Type.Null()]),
  attributes: AttributesSchema,
  documents: Type.Array(DocumentSummarySchema),
  highlights: Type.Integer({ description: 'highlights in this study of the coders asked for' }),
  myHighlights: Type.Integer({ description: "the caller's own highlights in this study" }),
});
export type Study = Type.Static<typeof StudySchema>;

export const StudyParams = Type.Object({ studyId: IdSchema });

export const StudyListQuery = Type.Object({
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        'search: every word (or "quoted phrase") must occur in the title, an author, the DOI, or be the year or PMID',
    }),
  ),
  coders: Type.Optional(CodersParam),
});
export type StudyListQuery = Type.Static<typeof StudyListQuery>;

export const CreateStudyBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 2000, pattern: NOT_BLANK }),
    text: Type.String({ minLength: 1, maxLength: 5_000_000 }),
    authors: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 500 }),
    ),
    year: Type.Optional(Type.Union([Type.Integer({ minimum: 1000, maximum: 9999 }), Type.Null()])),
    journal: Type.Optional(Type.String({ maxLength: 1000 })),
    doi: Type.Optional(Type.String({ maxLength: 500 })),
    attributes: Type.Optional(AttributesSchema),
  },
  { additionalProperties: false },
);
export type CreateStudyBody = Type.Static<typeof CreateStudyBody>;

// With type coercion on, ajv turns a null into "" for the string branch before it tries the null
// one: the service stores a blank text field as null, so both clear it.
export const UpdateStudyBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, pattern: NOT_BLANK })),
    authors: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 500 }),
    ),
    year: Type.Optional(Type.Union([Type.Integer({ minimum: 1000, maximum: 9999 }), Type.Null()])),
    journal: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
    doi: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    pmid: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{1,9}$' }), Type.Null()])),
    volume: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
    issue: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
    pages: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
    attributes: Type.Optional(AttributesSchema),
  },
  { additionalProperties: false },
);
export type UpdateStudyBody = Type.Static<typeof UpdateStudyBody>;

/** Studies of one project, by id: what a bulk action applies to (all or none of them). */
export const StudyIdsBody = Type.Object(
  {
    studyIds: Type.Array(IdSchema, { minItems: 1, maxItems: 20_000, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type StudyIdsBody = Type.Static<typeof StudyIdsBody>;

export const StudyDeletionQuery = Type.Object(
  {
    mode: Type.Optional(
      Type.Union([Type.Literal('preview'), Type.Literal('commit')], {
        default: 'commit',
        description: 'preview: count what would go, delete nothing; commit: delete',
      }),
    ),
  },
  { additionalProperties: false },
);
export type StudyDeletionQuery = Type.Static<typeof StudyDeletionQuery>;

/** What deleting studies takes (preview) or took (commit) with it: every coder's coding. */
export const StudyDeletionSchema = Type.Object({
  studies: Type.Integer(),
  documents: Type.Integer(),
  highlights: Type.Integer({ description: "every coder's highlights, the consensus included" }),
});
export type StudyDeletion = Type.Static<typeof StudyDeletionSchema>;

export const studyEndpoints = defineEndpoints({
  listStudies: {
    method: 'GET',
    path: '/projects/:projectId/studies',
    requires: 'read',
    tags: ['studies'],
    params: ProjectParams,
    query: StudyListQuery,
    ok: { 200: Type.Array(StudySchema) },
    errors: [401, 404],
  },
  createStudy: {
    method: 'POST',
    path: '/projects/:projectId/studies',
    requires: 'manageStudies',
    tags: ['studies'],
    params: ProjectParams,
    body: CreateStudyBody,
    ok: { 201: StudySchema },
    errors: [400, 401, 403, 404],
  },
  deleteStudies: {
    method: 'POST',
    path: '/projects/:projectId/studies/delete',
    requires: 'manageStudies',
    tags: ['studies'],
    summary: 'Delete studies with their documents and coding, all or none (or preview counts)',
    params: ProjectParams,
    query: StudyDeletionQuery,
    body: StudyIdsBody,
    ok: { 200: StudyDeletionSchema },
    errors: [400, 401, 403, 404],
  },
  getStudy: {
    method: 'GET',
    path: '/studies/:studyId',
    requires: 'read',
    tags: ['studies'],
    params: StudyParams,
    ok: { 200: StudySchema },
    errors: [401, 404],
  },
  updateStudy: {
    method: 'PATCH',
    path: '/studies/:studyId',
    requires: 'manageStudies',
    tags: ['studies'],
    params: StudyParams,
    body: UpdateStudyBody,
    ok: { 200: StudySchema },
    errors: [400, 401, 403, 404],
  },
  deleteStudy: {
    method: 'DELETE',
    path: '/studies/:studyId',
    requires: 'manageStudies',
    tags: ['studies'],
    params: StudyParams,
    ok: { 204: NoContent },
    errors: [401, 403, 404],
  },
});
