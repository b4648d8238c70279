import type { FastifyInstance } from 'fastify';
import { consensusEndpoints as e } from '@kodbok/contracts';
import { route } from './route';

export async function consensusRoutes(app: FastifyInstance) {
  const { consensus } = app.services;
  route(app, e.createResolution, (request) =>
    consensus.resolve(request.currentUser(), request.params.documentId, request.body),
  );
  route(app, e.acceptAgreements, (request) =>
    consensus.acceptAgreements(request.currentUser(), request.params.documentId, request.body),
  );
  route(app, e.createComment, (request) =>
    consensus.comment(request.currentUser(), request.params.documentId, request.body),
  );
  route(app, e.setReconciliation, (request) =>
    consensus.reconcile(request.currentUser(), request.params.studyId, request.body.reconciled),
  );
}
