import Type from 'typebox';
import { CommentSchema, ResolutionSchema } from './agreement';
import { IdSchema, Timestamp } from './common';
import { DocumentParams } from './documents';
import { defineEndpoints } from './endpoint';
import { StudyParams } from './studies';

/** Resolving a disagreement region into the consensus coding (the `consensus` coder). */
export const CreateResolutionBody = Type.Object(
  {
    codeId: IdSchema,
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 1 }),
    coders: Type.Array(IdSchema, {
      minItems: 2,
      maxItems: 20,
      uniqueItems: true,
      description: 'the coders compared',
    }),
    accept: Type.Array(IdSchema, {
      maxItems: 20,
      uniqueItems: true,
      description:
        'coders whose coding of the code in [start, end) the consensus takes (their union); [] = not coded',
    }),
  },
  { additionalProperties: false },
);
export type CreateResolutionBody = Type.Static<typeof CreateResolutionBody>;

export const AcceptAgreementsBody = Type.Object(
  {
    coders: Type.Array(IdSchema, { minItems: 2, maxItems: 20, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type AcceptAgreementsBody = Type.Static<typeof AcceptAgreementsBody>;
export const AcceptAgreementsSchema = Type.Object({
  added: Type.Integer({ description: 'consensus highlights written' }),
});

export const CreateCommentBody = Type.Object(
  {
    codeId: IdSchema,
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 1 }),
    body: Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' }),
  },
  { additionalProperties: false },
);
export type CreateCommentBody = Type.Static<typeof CreateCommentBody>;

export const ReconciliationBody = Type.Object(
  { reconciled: Type.Boolean({ description: 'false reopens the study' }) },
  { additionalProperties: false },
);
export const ReconciliationSchema = Type.Object({
  studyId: IdSchema,
  reconciled: Type.Boolean(),
  by: Type.Union([Type.String(), Type.Null()]),
  at: Type.Union([Timestamp, Type.Null()]),
});
export type Reconciliation = Type.Static<typeof ReconciliationSchema>;

export const consensusEndpoints = defineEndpoints({
  createResolution: {
    method: 'POST',
    path: '/documents/:documentId/resolutions',
    requires: 'superviseCoding',
    tags: ['consensus'],
    params: DocumentParams,
    body: CreateResolutionBody,
    ok: { 201: ResolutionSchema },
    errors: [400, 401, 403, 404],
  },
  acceptAgreements: {
    method: 'POST',
    path: '/documents/:documentId/resolutions/agreements',
    requires: 'superviseCoding',
    tags: ['consensus'],
    params: DocumentParams,
    body: AcceptAgreementsBody,
    ok: { 200: AcceptAgreementsSchema },
    errors: [400, 401, 403, 404],
  },
  createComment: {
    method: 'POST',
    path: '/documents/:documentId/comments',
    requires: 'superviseCoding',
    tags: ['consensus'],
    params: DocumentParams,
    body: CreateCommentBody,
    ok: { 201: CommentSchema },
    errors: [400, 401, 403, 404],
  },
  setReconciliation: {
    method: 'PUT',
    path: '/studies/:studyId/reconciliation',
    requires: 'superviseCoding',
    tags: ['consensus'],
    params: StudyParams,
    body: ReconciliationBody,
    ok: { 200: ReconciliationSchema },
    errors: [400, 401, 403, 404],
  },
});
