import Type from 'typebox';
import { IdSchema, PageOffset } from './common';
import { defineEndpoints } from './endpoint';
import { ProjectParams } from './projects';

/*
 * The analysis endpoints (DESIGN.md, "Shapes that scripts rely on"). Every one takes the same
 * filters; lists are comma-separated ids so R and Python can build them with paste()/join().
 */

const IdList = (description: string) =>
  Type.String({ minLength: 1, maxLength: 20_000, pattern: '^[^,]+(,[^,]+)*$', description });

/**
 * Whose coding a read covers. With independent coding on, a coder's reads cover their own coding
 * whatever they ask for "all", and naming anyone else is refused.
 */
export const CodersParam = Type.String({
  minLength: 1,
  maxLength: 2000,
  pattern: '^[^,]+(,[^,]+)*$',
  description:
    '"all" (default), "me", or comma-separated coder (user) ids; "consensus" is the agreed coding and may be listed like a coder',
});

export const AnalysisFilterQuery = Type.Object(
  {
    coders: Type.Optional(CodersParam),
    codes: Type.Optional(IdList('comma-separated code ids; a code includes its descendants')),
    studies: Type.Optional(IdList('comma-separated study ids')),
    attr: Type.Optional(
      Type.Array(Type.String({ minLength: 2, maxLength: 2100, pattern: '^[^=]+=' }), {
        maxItems: 50,
        description:
          'study attribute filter "name=value", repeatable: values of one name are alternatives (OR), different names must all match (AND)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type AnalysisFilterQuery = Type.Static<typeof AnalysisFilterQuery>;

const Share = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
  description: 'a fraction in [0, 1]; null when undefined (no studies)',
});
const CodeRef = {
  codeId: IdSchema,
  parentId: Type.Union([IdSchema, Type.Null()]),
  name: Type.String(),
};

export const FrequenciesQuery = AnalysisFilterQuery;
export const FrequenciesSchema = Type.Object({
  totalStudies: Type.Integer({ description: 'studies that pass the study filters' }),
  codes: Type.Array(
    Type.Object({
      ...CodeRef,
      highlights: Type.Integer(),
      documents: Type.Integer(),
      studies: Type.Integer(),
      studyShare: Share,
    }),
    { description: 'in codebook order; counts roll up over descendants, each unit counted once' },
  ),
});
export type Frequencies = Type.Static<typeof FrequenciesSchema>;

export const MatrixQuery = Type.Object(
  {
    ...AnalysisFilterQuery.properties,
    groupBy: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'study attribute to group columns by',
      }),
    ),
    limit: Type.Integer({
      minimum: 1,
      maximum: 200,
      default: 100,
      description: 'studies (columns) per page; the next page starts at nextOffset',
    }),
    offset: PageOffset,
  },
  { additionalProperties: false },
);
export type MatrixQuery = Type.Static<typeof MatrixQuery>;
export const MatrixSchema = Type.Object({
  totalStudies: Type.Integer(),
  offset: Type.Integer(),
  nextOffset: Type.Union([Type.Integer(), Type.Null()], { description: 'null on the last page' }),
  groupBy: Type.Union([Type.String(), Type.Null()]),
  studies: Type.Array(
    Type.Object({
      id: IdSchema,
      title: Type.String(),
      year: Type.Union([Type.Integer(), Type.Null()]),
      authors: Type.Array(Type.String()),
      group: Type.Union([Type.String(), Type.Null()], { description: 'value of groupBy' }),
    }),
  ),
  codes: Type.Array(
    Type.Object({
      ...CodeRef,
      cells: Type.Array(Type.Object({ studyId: IdSchema, highlights: Type.Integer() }), {
        description: 'zero cells are left out',
      }),
    }),
  ),
});
export type Matrix = Type.Static<typeof MatrixSchema>;

export const CrosstabQuery = Type.Object(
  {
    ...AnalysisFilterQuery.properties,
    attribute: Type.String({ minLength: 1, maxLength: 100, description: 'e.g. country' }),
  },
  { additionalProperties: false },
);
export type CrosstabQuery = Type.Static<typeof CrosstabQuery>;
const GroupValue = Type.Union([Type.String(), Type.Null()], {
  description: 'null: studies without this attribute',
});
export const CrosstabSchema = Type.Object({
  attribute: Type.String(),
  groups: Type.Array(Type.Object({ value: GroupValue, studies: Type.Integer() })),
  codes: Type.Array(
    Type.Object({
      ...CodeRef,
      cells: Type.Array(
        Type.Object({ value: GroupValue, studies: Type.Integer(), studyShare: Share }),
        { description: "one per group; studyShare is the share of that group's studies" },
      ),
    }),
  ),
});
export type Crosstab = Type.Static<typeof CrosstabSchema>;

export const CooccurrenceModeSchema = Type.Union(
  [Type.Literal('highlight'), Type.Literal('overlap'), Type.Literal('document')],
  {
    description:
      'highlight: highlights carrying both codes; overlap: unordered pairs of overlapping highlights (a highlight overlaps itself) where one carries each code; document: documents where both occur',
  },
);
export type CooccurrenceMode = Type.Static<typeof CooccurrenceModeSchema>;
export const CooccurrenceQuery = Type.Object(
  { ...AnalysisFilterQuery.properties, mode: Type.Optional(CooccurrenceModeSchema) },
  { additionalProperties: false },
);
export type CooccurrenceQuery = Type.Static<typeof CooccurrenceQuery>;
export const CooccurrenceSchema = Type.Object({
  mode: CooccurrenceModeSchema,
  codes: Type.Array(Type.Object(CodeRef), { description: 'rows and columns, in codebook order' }),
  pairs: Type.Array(
    Type.Object({ a: IdSchema, b: IdSchema, count: Type.Integer({ minimum: 1 }) }),
    { description: 'each unordered pair once (a = b is the diagonal); zero pairs are left out' },
  ),
});
export type Cooccurrence = Type.Static<typeof CooccurrenceSchema>;

export const ExcerptsQuery = Type.Object(
  {
    ...AnalysisFilterQuery.properties,
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'words to find in quotes and memos',
      }),
    ),
    codeMatch: Type.Optional(
      Type.Union([Type.Literal('any'), Type.Literal('all')], {
        description: 'any (default): highlights with one of the codes; all: with every one of them',
      }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(
      Type.String({ minLength: 1, maxLength: 400, description: 'nextCursor of the previous page' }),
    ),
  },
  { additionalProperties: false },
);
export type ExcerptsQuery = Type.Static<typeof ExcerptsQuery>;
const Range = Type.Object({ start: Type.Integer(), end: Type.Integer() });
export const ExcerptSchema = Type.Object({
  highlightId: IdSchema,
  documentId: IdSchema,
  studyId: IdSchema,
  quote: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
  codeIds: Type.Array(IdSchema),
  coderId: IdSchema,
  memo: Type.Union([Type.String(), Type.Null()]),
  coderName: Type.String(),
  prefix: Type.String({ description: 'text just before the quote' }),
  suffix: Type.String({ description: 'text just after the quote' }),
  studyTitle: Type.String(),
  firstAuthor: Type.Union([Type.String(), Type.Null()]),
  year: Type.Union([Type.Integer(), Type.Null()]),
  matches: Type.Array(Range, { description: 'where q matches, as offsets into quote' }),
});
export type Excerpt = Type.Static<typeof ExcerptSchema>;
export const ExcerptsSchema = Type.Object({
  total: Type.Integer(),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' }),
  items: Type.Array(ExcerptSchema),
});
export type Excerpts = Type.Static<typeof ExcerptsSchema>;

export const DocumentSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200 }),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export type DocumentSearchQuery = Type.Static<typeof DocumentSearchQuery>;
export const DocumentSearchSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      documentId: IdSchema,
      studyId: IdSchema,
      studyTitle: Type.String(),
      snippet: Type.String({ description: 'the text around the first match' }),
      snippetStart: Type.Integer({ description: 'offset of the snippet in the document' }),
      matches: Type.Array(Range, { description: 'offsets into snippet' }),
    }),
  ),
});
export type DocumentSearch = Type.Static<typeof DocumentSearchSchema>;

/** Read-only views across studies; every project member may call them. */
export const analysisEndpoints = defineEndpoints({
  getFrequencies: {
    method: 'GET',
    path: '/projects/:projectId/frequencies',
    requires: 'read',
    tags: ['analysis'],
    params: ProjectParams,
    query: FrequenciesQuery,
    ok: { 200: FrequenciesSchema },
    errors: [400, 401, 404],
  },
  getMatrix: {
    method: 'GET',
    path: '/projects/:projectId/matrix',
    requires: 'read',
    tags: ['analysis'],
    params: ProjectParams,
    query: MatrixQuery,
    ok: { 200: MatrixSchema },
    errors: [400, 401, 404],
  },
  getCrosstab: {
    method: 'GET',
    path: '/projects/:projectId/crosstab',
    requires: 'read',
    tags: ['analysis'],
    params: ProjectParams,
    query: CrosstabQuery,
    ok: { 200: CrosstabSchema },
    errors: [400, 401, 404],
  },
  getCooccurrence: {
    method: 'GET',
    path: '/projects/:projectId/cooccurrence',
    requires: 'read',
    tags: ['analysis'],
    params: ProjectParams,
    query: CooccurrenceQuery,
    ok: { 200: CooccurrenceSchema },
    errors: [400, 401, 404],
  },
  listExcerpts: {
    method: 'GET',
    path: '/projects/:projectId/excerpts',
    requires: 'read',
    tags: ['analysis'],
    params: ProjectParams,
    query: ExcerptsQuery,
    ok: { 200: ExcerptsSchema },
    errors: [400, 401, 404],
  },
  searchDocuments: {
    method: 'GET',
    path: '/projects/:projectId/search',
    requires: 'read',
    tags: ['analysis'],
    params: ProjectParams,
    query: DocumentSearchQuery,
    ok: { 200: DocumentSearchSchema },
    errors: [400, 401, 404],
  },
});
