import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AcceptAgreementsBody,
  AcceptAgreementsSchema,
  CommentSchema,
  CreateCommentBody,
  CreateResolutionBody,
  DocumentParams,
  errorResponses,
  ReconciliationBody,
  ReconciliationSchema,
  ResolutionSchema,
  StudyParams,
} from '@kodbok/contracts';

export const consensusRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { consensus } = app.services;
  const tags = ['consensus'];
  const errors = errorResponses(400, 401, 403, 404);

  app.post(
    '/documents/:documentId/resolutions',
    {
      schema: {
        tags,
        params: DocumentParams,
        body: CreateResolutionBody,
        response: { 201: ResolutionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(consensus.resolve(request.currentUser(), request.params.documentId, request.body)),
  );

  app.post(
    '/documents/:documentId/resolutions/agreements',
    {
      schema: {
        tags,
        params: DocumentParams,
        body: AcceptAgreementsBody,
        response: { 200: AcceptAgreementsSchema, ...errors },
      },
    },
    async (request) =>
      consensus.acceptAgreements(request.currentUser(), request.params.documentId, request.body),
  );

  app.post(
    '/documents/:documentId/comments',
    {
      schema: {
        tags,
        params: DocumentParams,
        body: CreateCommentBody,
        response: { 201: CommentSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(consensus.comment(request.currentUser(), request.params.documentId, request.body)),
  );

  app.put(
    '/studies/:studyId/reconciliation',
    {
      schema: {
        tags,
        params: StudyParams,
        body: ReconciliationBody,
        response: { 200: ReconciliationSchema, ...errors },
      },
    },
    async (request) =>
      consensus.reconcile(request.currentUser(), request.params.studyId, request.body.reconciled),
  );
};
