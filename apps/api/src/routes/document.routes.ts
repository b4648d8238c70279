import type { FastifyInstance } from 'fastify';
import { documentEndpoints as e } from '@kodbok/contracts';
import { route } from './route';

export async function documentRoutes(app: FastifyInstance) {
  const { documents } = app.services;
  route(app, e.getDocument, (request) =>
    documents.get(request.currentUser(), request.params.documentId, request.query.coders),
  );
}
