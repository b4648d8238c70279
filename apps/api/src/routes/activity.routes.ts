import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ActivityPageSchema,
  ActivityQuery,
  errorResponses,
  ProjectParams,
} from '@kodbok/contracts';

export const activityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const activity = app.services.activity;

  app.get(
    '/projects/:projectId/activity',
    {
      schema: {
        tags: ['activity'],
        description: 'Owners only: who created, changed or deleted what, newest first.',
        params: ProjectParams,
        querystring: ActivityQuery,
        response: { 200: ActivityPageSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      activity.page(request.currentUser(), request.params.projectId, request.query),
  );
};
