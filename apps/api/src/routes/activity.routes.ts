import type { FastifyInstance } from 'fastify';
import { activityEndpoints as e } from '@kodbok/contracts';
import { route } from './route';

export async function activityRoutes(app: FastifyInstance) {
  const activity = app.services.activity;
  route(app, e.getActivity, (request) =>
    activity.page(request.currentUser(), request.params.projectId, request.query),
  );
}
