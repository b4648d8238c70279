import type { FastifyInstance } from 'fastify';
import { projectEndpoints as e } from '@kodbok/contracts';
import { route } from './route';

export async function projectRoutes(app: FastifyInstance) {
  const projects = app.services.projects;
  route(app, e.listProjects, (request) => projects.list(request.currentUser()));
  route(app, e.createProject, (request) =>
    projects.create(request.currentUser(), request.body.name),
  );
  route(app, e.getProject, (request) =>
    projects.get(request.currentUser(), request.params.projectId),
  );
  route(app, e.updateProject, (request) =>
    projects.update(request.currentUser(), request.params.projectId, request.body),
  );
  route(app, e.deleteProject, (request) => {
    projects.remove(request.currentUser(), request.params.projectId);
    return null;
  });
}
