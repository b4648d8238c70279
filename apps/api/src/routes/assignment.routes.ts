import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AssignBody,
  AssignmentDoneBody,
  AssignmentParams,
  AssignmentSchema,
  AssignmentsSchema,
  AssignResultSchema,
  errorResponses,
  NoContent,
  ProjectParams,
} from '@kodbok/contracts';

export const assignmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { assignments } = app.services;
  const tags = ['assignments'];

  app.get(
    '/projects/:projectId/assignments',
    {
      schema: {
        tags,
        params: ProjectParams,
        response: { 200: AssignmentsSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => assignments.list(request.currentUser(), request.params.projectId),
  );

  app.post(
    '/projects/:projectId/assignments',
    {
      schema: {
        tags,
        params: ProjectParams,
        body: AssignBody,
        response: { 201: AssignResultSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(assignments.assign(request.currentUser(), request.params.projectId, request.body)),
  );

  app.delete(
    '/studies/:studyId/assignments/:userId',
    {
      schema: {
        tags,
        params: AssignmentParams,
        response: { 204: NoContent, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { studyId, userId } = request.params;
      assignments.remove(request.currentUser(), studyId, userId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/studies/:studyId/assignments/:userId/done',
    {
      schema: {
        tags,
        params: AssignmentParams,
        body: AssignmentDoneBody,
        response: { 200: AssignmentSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { studyId, userId } = request.params;
      return assignments.setDone(request.currentUser(), studyId, userId, request.body.done);
    },
  );
};
