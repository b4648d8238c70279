import type { FastifyInstance } from 'fastify';
import { memberEndpoints as e } from '@kodbok/contracts';
import { route } from './route';

export async function memberRoutes(app: FastifyInstance) {
  const projects = app.services.projects;
  route(app, e.listMembers, (request) =>
    projects.members(request.currentUser(), request.params.projectId),
  );
  route(app, e.updateMember, (request) =>
    projects.updateMember(
      request.currentUser(),
      request.params.projectId,
      request.params.userId,
      request.body.role,
    ),
  );
  route(app, e.deleteMember, (request) => {
    projects.removeMember(request.currentUser(), request.params.projectId, request.params.userId);
    return null;
  });
}
