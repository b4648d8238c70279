import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  AssignAttributeBody,
  AssignAttributeResult,
  AttributeParams,
  AttributeSchema,
  errorResponses,
  NoContent,
  ProjectParams,
  UpdateAttributeBody,
} from '@kodbok/contracts';

export const attributeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { attributes } = app.services;
  const tags = ['attributes'];

  app.get(
    '/projects/:projectId/attributes',
    {
      schema: {
        tags,
        params: ProjectParams,
        response: { 200: Type.Array(AttributeSchema), ...errorResponses(401, 404) },
      },
    },
    async (request) => attributes.list(request.currentUser(), request.params.projectId),
  );

  app.put(
    '/projects/:projectId/attributes/:name',
    {
      schema: {
        tags,
        params: AttributeParams,
        body: UpdateAttributeBody,
        response: { 200: AttributeSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      attributes.update(
        request.currentUser(),
        request.params.projectId,
        request.params.name,
        request.body,
      ),
  );

  app.post(
    '/projects/:projectId/attributes/:name/studies',
    {
      schema: {
        tags,
        description: 'Sets one attribute on many studies at once; value null removes it.',
        params: AttributeParams,
        body: AssignAttributeBody,
        response: { 200: AssignAttributeResult, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      attributes.assign(
        request.currentUser(),
        request.params.projectId,
        request.params.name,
        request.body,
      ),
  );

  app.delete(
    '/projects/:projectId/attributes/:name',
    {
      schema: {
        tags,
        params: AttributeParams,
        response: { 204: NoContent, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      attributes.remove(request.currentUser(), request.params.projectId, request.params.name);
      return reply.status(204).send(null);
    },
  );
};
