import type { FastifyInstance } from 'fastify';
import { analysisEndpoints as e } from '@kodbok/contracts';
import { route } from './route';
import { sendView } from './json-text';

/** Read-only views across studies; every project member may call them. */
export async function analysisRoutes(app: FastifyInstance) {
  const { analysis, excerpts } = app.services;
  route(app, e.getFrequencies, async (request, reply) =>
    sendView(
      reply,
      await analysis.frequencies(request.currentUser(), request.params.projectId, request.query),
    ),
  );
  route(app, e.getMatrix, async (request, reply) =>
    sendView(
      reply,
      await analysis.matrix(request.currentUser(), request.params.projectId, request.query),
    ),
  );
  route(app, e.getCrosstab, async (request, reply) =>
    sendView(
      reply,
      await analysis.crosstab(request.currentUser(), request.params.projectId, request.query),
    ),
  );
  route(app, e.getCooccurrence, async (request, reply) =>
    sendView(
      reply,
      await analysis.cooccurrence(request.currentUser(), request.params.projectId, request.query),
    ),
  );
  route(app, e.listExcerpts, async (request, reply) =>
    sendView(
      reply,
      await excerpts.list(request.currentUser(), request.params.projectId, request.query),
    ),
  );
  route(app, e.searchDocuments, (request) =>
    excerpts.searchDocuments(request.currentUser(), request.params.projectId, request.query),
  );
}
