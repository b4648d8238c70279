import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  CreateUserBody,
  errorResponses,
  UpdateUserBody,
  UserEnvelope,
  UserParams,
  UserSchema,
} from '@kodbok/contracts';

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const users = app.services.users;
  const tags = ['users'];

  app.get(
    '/users',
    { schema: { tags, response: { 200: Type.Array(UserSchema), ...errorResponses(401, 403) } } },
    async (request) => users.list(request.currentUser()),
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        body: CreateUserBody,
        response: { 201: UserEnvelope, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ user: await users.create(request.currentUser(), request.body) }),
  );

  app.patch(
    '/users/:userId',
    {
      schema: {
        tags,
        params: UserParams,
        body: UpdateUserBody,
        response: { 200: UserEnvelope, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      user: users.update(request.currentUser(), request.params.userId, request.body),
    }),
  );
};
