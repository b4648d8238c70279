import type { FastifyInstance } from 'fastify';
import { documentEndpoints as e } from '@kodbok/contracts';
import { sendView } from './json-text';
import { route } from './route';

export async function documentRoutes(app: FastifyInstance) {
  const { documents } = app.services;
  route(app, e.getDocument, (request, reply) =>
    sendView(
      reply,
      documents.get(request.currentUser(), request.params.documentId, request.query.coders),
    ),
  );
}
