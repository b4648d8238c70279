import type { FastifyInstance } from 'fastify';
import { assignmentEndpoints as e } from '@kodbok/contracts';
import { route } from './route';

export async function assignmentRoutes(app: FastifyInstance) {
  const { assignments } = app.services;
  route(app, e.listAssignments, (request) =>
    assignments.list(request.currentUser(), request.params.projectId),
  );
  route(app, e.createAssignments, (request) =>
    assignments.assign(request.currentUser(), request.params.projectId, request.body),
  );
  route(app, e.deleteAssignment, (request) => {
    const { studyId, userId } = request.params;
    assignments.remove(request.currentUser(), studyId, userId);
    return null;
  });
  route(app, e.setAssignmentDone, (request) => {
    const { studyId, userId } = request.params;
    return assignments.setDone(request.currentUser(), studyId, userId, request.body.done);
  });
}
