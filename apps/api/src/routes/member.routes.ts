import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  errorResponses,
  MemberParams,
  MemberSchema,
  NoContent,
  ProjectParams,
  UpdateMemberBody,
} from '@kodbok/contracts';

export const memberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const projects = app.services.projects;
  const tags = ['members'];

  app.get(
    '/projects/:projectId/members',
    {
      schema: {
        tags,
        params: ProjectParams,
        response: { 200: Type.Array(MemberSchema), ...errorResponses(401, 404) },
      },
    },
    async (request) => projects.members(request.currentUser(), request.params.projectId),
  );

  app.patch(
    '/projects/:projectId/members/:userId',
    {
      schema: {
        tags,
        params: MemberParams,
        body: UpdateMemberBody,
        response: { 200: MemberSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      projects.updateMember(
        request.currentUser(),
        request.params.projectId,
        request.params.userId,
        request.body.role,
      ),
  );

  app.delete(
    '/projects/:projectId/members/:userId',
    {
      schema: {
        tags,
        params: MemberParams,
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      projects.removeMember(request.currentUser(), request.params.projectId, request.params.userId);
      return reply.status(204).send(null);
    },
  );
};
