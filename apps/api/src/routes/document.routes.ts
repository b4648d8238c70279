import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DocumentParams, DocumentQuery, DocumentSchema, errorResponses } from '@kodbok/contracts';

export const documentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { documents } = app.services;
  app.get(
    '/documents/:documentId',
    {
      schema: {
        tags: ['documents'],
        params: DocumentParams,
        querystring: DocumentQuery,
        response: { 200: DocumentSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      documents.get(request.currentUser(), request.params.documentId, request.query.coders),
  );
};
