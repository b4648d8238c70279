import type { FastifyInstance } from 'fastify';
import { attributeEndpoints as e } from '@kodbok/contracts';
import { route } from './route';

export async function attributeRoutes(app: FastifyInstance) {
  const { attributes } = app.services;
  route(app, e.listAttributes, (request) =>
    attributes.list(request.currentUser(), request.params.projectId),
  );
  route(app, e.updateAttribute, (request) =>
    attributes.update(
      request.currentUser(),
      request.params.projectId,
      request.params.name,
      request.body,
    ),
  );
  route(app, e.assignAttribute, (request) =>
    attributes.assign(
      request.currentUser(),
      request.params.projectId,
      request.params.name,
      request.body,
    ),
  );
  route(app, e.deleteAttribute, (request) => {
    attributes.remove(request.currentUser(), request.params.projectId, request.params.name);
    return null;
  });
}
