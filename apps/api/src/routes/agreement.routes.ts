import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AgreementGridQuery,
  AgreementGridSchema,
  AgreementQuery,
  AgreementSchema,
  DisagreementsQuery,
  DisagreementsSchema,
  DocumentParams,
  errorResponses,
  ProjectParams,
} from '@kodbok/contracts';
import { sendView } from './json-text';

export const agreementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { agreement, consensus } = app.services;
  const tags = ['agreement'];
  const errors = errorResponses(400, 401, 403, 404);

  app.get(
    '/projects/:projectId/agreement',
    {
      schema: {
        tags,
        params: ProjectParams,
        querystring: AgreementQuery,
        response: { 200: AgreementSchema, ...errors },
      },
    },
    async (request, reply) =>
      sendView(
        reply,
        await agreement.agreement(request.currentUser(), request.params.projectId, request.query),
      ),
  );

  app.get(
    '/projects/:projectId/agreement/grid',
    {
      schema: {
        tags,
        params: ProjectParams,
        querystring: AgreementGridQuery,
        response: { 200: AgreementGridSchema, ...errors },
      },
    },
    async (request, reply) =>
      sendView(
        reply,
        await agreement.grid(request.currentUser(), request.params.projectId, request.query),
      ),
  );

  app.get(
    '/documents/:documentId/disagreements',
    {
      schema: {
        tags,
        params: DocumentParams,
        querystring: DisagreementsQuery,
        response: { 200: DisagreementsSchema, ...errors },
      },
    },
    async (request) =>
      consensus.disagreements(request.currentUser(), request.params.documentId, request.query),
  );
};
