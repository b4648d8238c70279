import Type from 'typebox';
import { IdSchema, PageOffset, Timestamp } from './common';
import { DocumentParams } from './documents';
import { defineEndpoints } from './endpoint';
import { ProjectParams } from './projects';

/*
 * Coding consistency (DESIGN.md): agreement between coders at three levels, the studies × codes
 * grid of who applied what, and the disagreements of one document for the review.
 */

const CoderList = Type.String({
  minLength: 1,
  maxLength: 2000,
  pattern: '^[^,]+(,[^,]+)*$',
  description: 'comma-separated coder (user) ids, at least two; "consensus" is a coder too',
});
const IdList = (description: string) =>
  Type.String({ minLength: 1, maxLength: 20_000, pattern: '^[^,]+(,[^,]+)*$', description });

export const AgreementLevelSchema = Type.Union(
  [Type.Literal('document'), Type.Literal('character'), Type.Literal('segment')],
  {
    description:
      'document: the unit is (document, code), applied anywhere or not; character: every character of every document per code, coded or not (text nobody coded counts as agreement); segment: highlights of one code match when their overlap (intersection over union) reaches threshold',
  },
);
export type AgreementLevel = Type.Static<typeof AgreementLevelSchema>;

const ScopeQuery = {
  coders: CoderList,
  codes: Type.Optional(IdList('comma-separated code ids; a code includes its descendants')),
  studies: Type.Optional(
    IdList('comma-separated study ids; default: every study any chosen coder is assigned or coded'),
  ),
};

export const AgreementQuery = Type.Object(
  {
    ...ScopeQuery,
    level: Type.Optional(AgreementLevelSchema),
    threshold: Type.Optional(
      Type.Number({
        minimum: 0.01,
        maximum: 1,
        default: 0.9,
        description: 'segment level: the overlap (intersection over union) that makes a match',
      }),
    ),
  },
  { additionalProperties: false },
);
export type AgreementQuery = Type.Static<typeof AgreementQuery>;

const Stat = (description: string) =>
  Type.Union([Type.Number(), Type.Null()], { description: `${description}; null when undefined` });
export const AgreementStatsSchema = Type.Object({
  units: Type.Number({ description: 'units every chosen coder coded (characters at that level)' }),
  agreements: Type.Number({ description: 'of those, units where all coders agree' }),
  percentAgreement: Stat('agreements / units, a fraction in [0, 1]'),
  cohenKappa: Stat("Cohen's kappa; two coders only"),
  krippendorffAlpha: Stat("Krippendorff's alpha (nominal), missing data allowed"),
  fleissKappa: Stat("Fleiss' kappa over units coded by all"),
  brennanPredigerKappa: Stat("Brennan and Prediger's free-marginal kappa (as MAXQDA reports)"),
});
export type AgreementStats = Type.Static<typeof AgreementStatsSchema>;

const CoderRef = Type.Object({ id: IdSchema, name: Type.String() });
const CodeRef = {
  codeId: IdSchema,
  parentId: Type.Union([IdSchema, Type.Null()]),
  name: Type.String(),
};

export const AgreementSchema = Type.Object({
  level: AgreementLevelSchema,
  threshold: Type.Union([Type.Number(), Type.Null()], { description: 'segment level only' }),
  coders: Type.Array(CoderRef),
  studies: Type.Integer({ description: 'studies compared' }),
  documents: Type.Integer({ description: 'documents compared' }),
  overall: AgreementStatsSchema,
  codes: Type.Array(Type.Object({ ...CodeRef, ...AgreementStatsSchema.properties }), {
    description: 'per code in codebook order (each code on its own, not rolled up)',
  }),
});
export type Agreement = Type.Static<typeof AgreementSchema>;

export const AgreementGridQuery = Type.Object(
  {
    ...ScopeQuery,
    only: Type.Optional(
      Type.Union([Type.Literal('disagreements'), Type.Literal('unreconciled')], {
        description: 'disagreements: studies where coders differ; unreconciled: not yet reconciled',
      }),
    ),
    limit: Type.Integer({
      minimum: 1,
      maximum: 500,
      default: 200,
      description: 'studies per page',
    }),
    offset: PageOffset,
  },
  { additionalProperties: false },
);
export type AgreementGridQuery = Type.Static<typeof AgreementGridQuery>;
export const AgreementGridSchema = Type.Object({
  summary: Type.Object(
    {
      studies: Type.Integer({ description: 'studies a chosen coder covers' }),
      withDisagreements: Type.Integer(),
      reconciled: Type.Integer(),
    },
    { description: 'over every study in scope, whatever the page and the only filter' },
  ),
  totalStudies: Type.Integer({ description: 'studies that pass the only filter' }),
  offset: Type.Integer(),
  nextOffset: Type.Union([Type.Integer(), Type.Null()], { description: 'null on the last page' }),
  coders: Type.Array(CoderRef),
  codes: Type.Array(Type.Object(CodeRef)),
  studies: Type.Array(
    Type.Object({
      id: IdSchema,
      title: Type.String(),
      authors: Type.Array(Type.String()),
      year: Type.Union([Type.Integer(), Type.Null()]),
      documentIds: Type.Array(IdSchema),
      coders: Type.Array(IdSchema, { description: 'chosen coders assigned to or coding it' }),
      disagreements: Type.Integer({ description: 'cells of this study where coders differ' }),
      reconciled: Type.Union([Type.Object({ by: Type.String(), at: Timestamp }), Type.Null()]),
    }),
  ),
  cells: Type.Array(
    Type.Object({
      studyId: IdSchema,
      codeId: IdSchema,
      appliedBy: Type.Array(IdSchema, { description: 'chosen coders who applied the code' }),
      agree: Type.Boolean({ description: 'every chosen coder of the study applied it' }),
    }),
    { description: 'cells where at least one chosen coder applied the code' },
  ),
});
export type AgreementGrid = Type.Static<typeof AgreementGridSchema>;

export const DisagreementsQuery = Type.Object(
  { coders: CoderList, codes: ScopeQuery.codes },
  { additionalProperties: false },
);
export type DisagreementsQuery = Type.Static<typeof DisagreementsQuery>;

export const CommentSchema = Type.Object({
  id: IdSchema,
  codeId: IdSchema,
  start: Type.Integer(),
  end: Type.Integer(),
  userName: Type.String(),
  body: Type.String(),
  createdAt: Timestamp,
});
export type Comment = Type.Static<typeof CommentSchema>;

export const ResolutionSchema = Type.Object({
  id: IdSchema,
  documentId: IdSchema,
  codeId: IdSchema,
  start: Type.Integer(),
  end: Type.Integer(),
  coders: Type.Array(IdSchema, { description: 'the coders compared' }),
  accepted: Type.Array(IdSchema, { description: 'whose coding the consensus took; [] = neither' }),
  userName: Type.String({ description: 'who resolved it' }),
  createdAt: Timestamp,
});
export type Resolution = Type.Static<typeof ResolutionSchema>;

export const DisagreementsSchema = Type.Object({
  documentId: IdSchema,
  coders: Type.Array(CoderRef),
  regions: Type.Array(
    Type.Object({
      codeId: IdSchema,
      start: Type.Integer({ description: 'the stretch of text the coders coded differently' }),
      end: Type.Integer(),
      runs: Type.Array(
        Type.Object({
          start: Type.Integer(),
          end: Type.Integer(),
          coded: Type.Array(Type.Boolean(), { description: 'per coder, in coders order' }),
        }),
        { description: 'where inside the region the coders differ, and how' },
      ),
      resolution: Type.Union([ResolutionSchema, Type.Null()], {
        description: 'the latest resolution of exactly this region, if any',
      }),
      comments: Type.Array(CommentSchema),
    }),
    { description: 'in document order' },
  ),
});
export type Disagreements = Type.Static<typeof DisagreementsSchema>;

export const agreementEndpoints = defineEndpoints({
  getAgreement: {
    method: 'GET',
    path: '/projects/:projectId/agreement',
    requires: 'superviseCoding',
    tags: ['agreement'],
    params: ProjectParams,
    query: AgreementQuery,
    ok: { 200: AgreementSchema },
    errors: [400, 401, 403, 404],
  },
  getAgreementGrid: {
    method: 'GET',
    path: '/projects/:projectId/agreement/grid',
    requires: 'superviseCoding',
    tags: ['agreement'],
    params: ProjectParams,
    query: AgreementGridQuery,
    ok: { 200: AgreementGridSchema },
    errors: [400, 401, 403, 404],
  },
  listDisagreements: {
    method: 'GET',
    path: '/documents/:documentId/disagreements',
    requires: 'superviseCoding',
    tags: ['agreement'],
    params: DocumentParams,
    query: DisagreementsQuery,
    ok: { 200: DisagreementsSchema },
    errors: [400, 401, 403, 404],
  },
});
