import type { FastifyInstance } from 'fastify';
import { invitationEndpoints as e } from '@kodbok/contracts';
import { route } from './route';

export async function invitationRoutes(app: FastifyInstance) {
  const invitations = app.services.invitations;
  route(app, e.listInvitations, (request) =>
    invitations.list(request.currentUser(), request.params.projectId),
  );
  route(app, e.createInvitation, (request) =>
    invitations.invite(request.currentUser(), request.params.projectId, request.body),
  );
  route(app, e.deleteInvitation, (request) => {
    const { projectId, invitationId } = request.params;
    invitations.withdraw(request.currentUser(), projectId, invitationId);
    return null;
  });
  route(app, e.listMyInvitations, (request) => invitations.mine(request.currentUser()));
  route(app, e.acceptInvitation, (request) =>
    invitations.accept(request.currentUser(), request.params.invitationId),
  );
  route(app, e.declineInvitation, (request) => {
    invitations.decline(request.currentUser(), request.params.invitationId);
    return null;
  });
}
