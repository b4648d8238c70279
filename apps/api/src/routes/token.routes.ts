import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  CreatedTokenSchema,
  CreateTokenBody,
  errorResponses,
  NoContent,
  TokenParams,
  TokenSchema,
} from '@kodbok/contracts';

export const tokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tokens = app.services.tokens;
  const tags = ['tokens'];

  app.get(
    '/tokens',
    { schema: { tags, response: { 200: Type.Array(TokenSchema), ...errorResponses(401) } } },
    async (request) => tokens.list(request.currentUser()),
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags,
        body: CreateTokenBody,
        response: { 201: CreatedTokenSchema, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(tokens.create(request.currentUser(), request.body.name)),
  );

  app.delete(
    '/tokens/:tokenId',
    {
      schema: {
        tags,
        params: TokenParams,
        response: { 204: NoContent, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      tokens.revoke(request.currentUser(), request.params.tokenId);
      return reply.status(204).send(null);
    },
  );
};
