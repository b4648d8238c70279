import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  CreateProjectBody,
  errorResponses,
  NoContent,
  ProjectParams,
  ProjectSchema,
  UpdateProjectBody,
} from '@kodbok/contracts';

export const projectRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const projects = app.services.projects;
  const tags = ['projects'];

  app.get(
    '/projects',
    { schema: { tags, response: { 200: Type.Array(ProjectSchema), ...errorResponses(401) } } },
    async (request) => projects.list(request.currentUser()),
  );

  app.post(
    '/projects',
    {
      schema: {
        tags,
        body: CreateProjectBody,
        response: { 201: ProjectSchema, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(projects.create(request.currentUser(), request.body.name)),
  );

  app.get(
    '/projects/:projectId',
    {
      schema: {
        tags,
        params: ProjectParams,
        response: { 200: ProjectSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => projects.get(request.currentUser(), request.params.projectId),
  );

  app.patch(
    '/projects/:projectId',
    {
      schema: {
        tags,
        params: ProjectParams,
        body: UpdateProjectBody,
        response: { 200: ProjectSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      projects.update(request.currentUser(), request.params.projectId, request.body),
  );

  app.delete(
    '/projects/:projectId',
    {
      schema: {
        tags,
        params: ProjectParams,
        response: { 204: NoContent, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      projects.remove(request.currentUser(), request.params.projectId);
      return reply.status(204).send(null);
    },
  );
};
