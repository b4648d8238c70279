import type { FastifyInstance } from 'fastify';
import { studyEndpoints as e } from '@kodbok/contracts';
import { sendView } from './json-text';
import { route } from './route';

export async function studyRoutes(app: FastifyInstance) {
  const { studies } = app.services;
  route(app, e.listStudies, async (request, reply) =>
    sendView(
      reply,
      await studies.listJson(request.currentUser(), request.params.projectId, request.query),
    ),
  );
  route(app, e.createStudy, (request) =>
    studies.create(request.currentUser(), request.params.projectId, request.body),
  );
  route(app, e.deleteStudies, (request) =>
    studies.removeMany(
      request.currentUser(),
      request.params.projectId,
      request.body,
      request.query,
    ),
  );
  route(app, e.getStudy, (request) => studies.get(request.currentUser(), request.params.studyId));
  route(app, e.updateStudy, (request) =>
    studies.update(request.currentUser(), request.params.studyId, request.body),
  );
  route(app, e.deleteStudy, (request) => {
    studies.remove(request.currentUser(), request.params.studyId);
    return null;
  });
}
