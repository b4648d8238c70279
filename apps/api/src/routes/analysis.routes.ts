import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TSchema } from 'typebox';
import {
  CooccurrenceQuery,
  CooccurrenceSchema,
  CrosstabQuery,
  CrosstabSchema,
  DocumentSearchQuery,
  DocumentSearchSchema,
  errorResponses,
  ExcerptsQuery,
  ExcerptsSchema,
  FrequenciesQuery,
  FrequenciesSchema,
  MatrixQuery,
  MatrixSchema,
  ProjectParams,
} from '@kodbok/contracts';
import { sendView } from './json-text';

/** Read-only views across studies; every project member may call them. */
export const analysisRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { analysis, excerpts } = app.services;
  // Every view: the project in the path, its filters in the query, one 200 shape, the same errors.
  const view = <Q extends TSchema, R extends TSchema>(querystring: Q, response: R) => ({
    schema: {
      tags: ['analysis'],
      params: ProjectParams,
      querystring,
      response: { 200: response, ...errorResponses(400, 401, 404) },
    },
  });

  app.get(
    '/projects/:projectId/frequencies',
    view(FrequenciesQuery, FrequenciesSchema),
    async (request, reply) =>
      sendView(
        reply,
        await analysis.frequencies(request.currentUser(), request.params.projectId, request.query),
      ),
  );
  app.get('/projects/:projectId/matrix', view(MatrixQuery, MatrixSchema), async (request, reply) =>
    sendView(
      reply,
      await analysis.matrix(request.currentUser(), request.params.projectId, request.query),
    ),
  );
  app.get(
    '/projects/:projectId/crosstab',
    view(CrosstabQuery, CrosstabSchema),
    async (request, reply) =>
      sendView(
        reply,
        await analysis.crosstab(request.currentUser(), request.params.projectId, request.query),
      ),
  );
  app.get(
    '/projects/:projectId/cooccurrence',
    view(CooccurrenceQuery, CooccurrenceSchema),
    async (request, reply) =>
      sendView(
        reply,
        await analysis.cooccurrence(request.currentUser(), request.params.projectId, request.query),
      ),
  );
  app.get(
    '/projects/:projectId/excerpts',
    view(ExcerptsQuery, ExcerptsSchema),
    async (request, reply) =>
      sendView(
        reply,
        await excerpts.list(request.currentUser(), request.params.projectId, request.query),
      ),
  );
  app.get(
    '/projects/:projectId/search',
    view(DocumentSearchQuery, DocumentSearchSchema),
    async (request) =>
      excerpts.searchDocuments(request.currentUser(), request.params.projectId, request.query),
  );
};
