import type { FastifyInstance } from 'fastify';
import { agreementEndpoints as e } from '@kodbok/contracts';
import { route } from './route';
import { sendView } from './json-text';

export async function agreementRoutes(app: FastifyInstance) {
  const { agreement, consensus } = app.services;
  route(app, e.getAgreement, async (request, reply) =>
    sendView(
      reply,
      await agreement.agreement(request.currentUser(), request.params.projectId, request.query),
    ),
  );
  route(app, e.getAgreementGrid, async (request, reply) =>
    sendView(
      reply,
      await agreement.grid(request.currentUser(), request.params.projectId, request.query),
    ),
  );
  route(app, e.listDisagreements, (request) =>
    consensus.disagreements(request.currentUser(), request.params.documentId, request.query),
  );
}
