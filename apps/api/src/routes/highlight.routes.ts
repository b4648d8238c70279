import type { FastifyInstance } from 'fastify';
import { highlightEndpoints as e } from '@kodbok/contracts';
import { route } from './route';

export async function highlightRoutes(app: FastifyInstance) {
  const highlights = app.services.highlights;
  route(app, e.createHighlight, async (request, reply) => {
    const { highlight, created } = await highlights.create(
      request.currentUser(),
      request.params.documentId,
      request.body,
    );
    // 200: added to the caller's own highlight of this exact span; 201: a new highlight.
    reply.status(created ? 201 : 200);
    return highlight;
  });
  route(app, e.updateHighlight, (request) =>
    highlights.update(request.currentUser(), request.params.highlightId, request.body),
  );
  route(app, e.deleteHighlight, (request) => {
    highlights.remove(request.currentUser(), request.params.highlightId);
    return null;
  });
}
