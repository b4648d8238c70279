import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateHighlightBody,
  DocumentParams,
  errorResponses,
  HighlightParams,
  HighlightSchema,
  NoContent,
  UpdateHighlightBody,
} from '@kodbok/contracts';

export const highlightRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const highlights = app.services.highlights;
  const tags = ['highlights'];

  app.post(
    '/documents/:documentId/highlights',
    {
      schema: {
        tags,
        params: DocumentParams,
        body: CreateHighlightBody,
        response: {
          // 200: added to the caller's own highlight of this exact span; 201: a new highlight.
          200: HighlightSchema,
          201: HighlightSchema,
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { highlight, created } = await highlights.create(
        request.currentUser(),
        request.params.documentId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(highlight);
    },
  );

  app.patch(
    '/highlights/:highlightId',
    {
      schema: {
        tags,
        params: HighlightParams,
        body: UpdateHighlightBody,
        response: { 200: HighlightSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      highlights.update(request.currentUser(), request.params.highlightId, request.body),
  );

  app.delete(
    '/highlights/:highlightId',
    {
      schema: {
        tags,
        params: HighlightParams,
        response: { 204: NoContent, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      highlights.remove(request.currentUser(), request.params.highlightId);
      return reply.status(204).send(null);
    },
  );
};
