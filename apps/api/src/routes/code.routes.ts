import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  CodebookUndoParams,
  CodebookUndoRefSchema,
  CodeExamplesQuery,
  CodeExamplesSchema,
  CodeParams,
  CodeListQuery,
  CodeSchema,
  CreateCodeBody,
  DeleteCodeQuery,
  errorResponses,
  MergeCodeBody,
  MergeCodeResultSchema,
  ProjectParams,
  UpdateCodeBody,
} from '@kodbok/contracts';

export const codeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const codes = app.services.codes;
  const tags = ['codebook'];

  app.get(
    '/projects/:projectId/codes',
    {
      schema: {
        tags,
        params: ProjectParams,
        querystring: CodeListQuery,
        response: { 200: Type.Array(CodeSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      codes.list(request.currentUser(), request.params.projectId, request.query.coders),
  );

  app.post(
    '/projects/:projectId/codes',
    {
      schema: {
        tags,
        params: ProjectParams,
        body: CreateCodeBody,
        response: { 201: CodeSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(codes.create(request.currentUser(), request.params.projectId, request.body)),
  );

  app.patch(
    '/codes/:codeId',
    {
      schema: {
        tags,
        params: CodeParams,
        body: UpdateCodeBody,
        response: { 200: CodeSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => codes.update(request.currentUser(), request.params.codeId, request.body),
  );

  app.delete(
    '/codes/:codeId',
    {
      schema: {
        tags,
        params: CodeParams,
        querystring: DeleteCodeQuery,
        response: { 200: CodebookUndoRefSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => codes.remove(request.currentUser(), request.params.codeId, request.query),
  );

  app.post(
    '/codes/:codeId/merge',
    {
      schema: {
        tags,
        params: CodeParams,
        body: MergeCodeBody,
        response: { 200: MergeCodeResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      codes.merge(request.currentUser(), request.params.codeId, request.body.intoCodeId),
  );

  app.get(
    '/projects/:projectId/codes/examples',
    {
      schema: {
        tags,
        summary: "A few quotes of each code, for the codebook's page",
        params: ProjectParams,
        querystring: CodeExamplesQuery,
        response: { 200: CodeExamplesSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      codes.examples(request.currentUser(), request.params.projectId, request.query),
  );

  app.post(
    '/codebook-undo/:undoId',
    {
      schema: {
        tags,
        summary: "Undoes the caller's own deletion or merge of a code",
        params: CodebookUndoParams,
        response: { 200: CodeSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => codes.undo(request.currentUser(), request.params.undoId),
  );
};
