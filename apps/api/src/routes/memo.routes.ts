import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  errorResponses,
  MemoListSchema,
  MemoTargetQuery,
  ProjectParams,
  PutMemoBody,
  PutMemoResult,
} from '@kodbok/contracts';

export const memoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { memos } = app.services;
  const tags = ['memos'];

  app.get(
    '/projects/:projectId/memos',
    {
      schema: {
        tags,
        summary: 'The memos on the project, a study, a document or a code',
        params: ProjectParams,
        querystring: MemoTargetQuery,
        response: { 200: MemoListSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { on, id } = request.query;
      return memos.list(request.currentUser(), request.params.projectId, on, id);
    },
  );

  app.put(
    '/projects/:projectId/memos',
    {
      schema: {
        tags,
        summary: "Writes the caller's own memo on a target (blank deletes it)",
        params: ProjectParams,
        body: PutMemoBody,
        response: { 200: PutMemoResult, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      memo: memos.put(request.currentUser(), request.params.projectId, request.body),
    }),
  );
};
