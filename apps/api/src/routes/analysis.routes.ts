import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
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

/** Read-only views across studies; every project member may call them. */
export const analysisRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { analysis, excerpts } = app.services;
  const tags = ['analysis'];
  const errors = errorResponses(400, 401, 404);

  app.get(
    '/projects/:projectId/frequencies',
    {
      schema: {
        tags,
        params: ProjectParams,
        querystring: FrequenciesQuery,
        response: { 200: FrequenciesSchema, ...errors },
      },
    },
    async (request) =>
      analysis.frequencies(request.currentUser(), request.params.projectId, request.query),
  );
  app.get(
    '/projects/:projectId/matrix',
    {
      schema: {
        tags,
        params: ProjectParams,
        querystring: MatrixQuery,
        response: { 200: MatrixSchema, ...errors },
      },
    },
    async (request) =>
      analysis.matrix(request.currentUser(), request.params.projectId, request.query),
  );
  app.get(
    '/projects/:projectId/crosstab',
    {
      schema: {
        tags,
        params: ProjectParams,
        querystring: CrosstabQuery,
        response: { 200: CrosstabSchema, ...errors },
      },
    },
    async (request) =>
      analysis.crosstab(request.currentUser(), request.params.projectId, request.query),
  );
  app.get(
    '/projects/:projectId/cooccurrence',
    {
      schema: {
        tags,
        params: ProjectParams,
        querystring: CooccurrenceQuery,
        response: { 200: CooccurrenceSchema, ...errors },
      },
    },
    async (request) =>
      analysis.cooccurrence(request.currentUser(), request.params.projectId, request.query),
  );
  app.get(
    '/projects/:projectId/excerpts',
    {
      schema: {
        tags,
        params: ProjectParams,
        querystring: ExcerptsQuery,
        response: { 200: ExcerptsSchema, ...errors },
      },
    },
    async (request) =>
      excerpts.list(request.currentUser(), request.params.projectId, request.query),
  );
  app.get(
    '/projects/:projectId/search',
    {
      schema: {
        tags,
        params: ProjectParams,
        querystring: DocumentSearchQuery,
        response: { 200: DocumentSearchSchema, ...errors },
      },
    },
    async (request) =>
      excerpts.searchDocuments(request.currentUser(), request.params.projectId, request.query),
  );
};
