import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  errorResponses,
  InvitationParams,
  InvitationSchema,
  InviteBody,
  MyInvitationParams,
  NoContent,
  ProjectParams,
  ProjectSchema,
} from '@kodbok/contracts';

export const invitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const invitations = app.services.invitations;
  const tags = ['invitations'];

  app.get(
    '/projects/:projectId/invitations',
    {
      schema: {
        tags,
        params: ProjectParams,
        response: { 200: Type.Array(InvitationSchema), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => invitations.list(request.currentUser(), request.params.projectId),
  );

  app.post(
    '/projects/:projectId/invitations',
    {
      schema: {
        tags,
        description: 'The same answer whether or not an account has the e-mail.',
        params: ProjectParams,
        body: InviteBody,
        response: { 201: InvitationSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(invitations.invite(request.currentUser(), request.params.projectId, request.body)),
  );

  app.delete(
    '/projects/:projectId/invitations/:invitationId',
    {
      schema: {
        tags,
        params: InvitationParams,
        response: { 204: NoContent, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { projectId, invitationId } = request.params;
      invitations.withdraw(request.currentUser(), projectId, invitationId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me/invitations',
    { schema: { tags, response: { 200: Type.Array(InvitationSchema), ...errorResponses(401) } } },
    async (request) => invitations.mine(request.currentUser()),
  );

  app.post(
    '/me/invitations/:invitationId/accept',
    {
      schema: {
        tags,
        params: MyInvitationParams,
        response: { 200: ProjectSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => invitations.accept(request.currentUser(), request.params.invitationId),
  );

  app.post(
    '/me/invitations/:invitationId/decline',
    {
      schema: {
        tags,
        params: MyInvitationParams,
        response: { 204: NoContent, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      invitations.decline(request.currentUser(), request.params.invitationId);
      return reply.status(204).send(null);
    },
  );
};
