import type { FastifyInstance, FastifyReply } from 'fastify';
import { importEndpoints as e } from '@kodbok/contracts';
import { readUpload } from '../plugins/multipart';
import { sendView } from './json-text';
import { route } from './route';

export async function importRoutes(app: FastifyInstance) {
  const { imports } = app.services;
  route(app, e.importStudies, async (request, reply) => {
    const user = request.currentUser();
    const { projectId } = request.params;
    const read = () => readUpload(request);
    const signal = whenClientLeaves(reply);
    if (request.query.mode === 'commit') {
      const choice = request.query.duplicates ?? 'skip';
      const result = await imports.commit(user, projectId, read, choice, signal);
      reply.status(201);
      return result;
    }
    return sendView(reply, await imports.preview(user, projectId, read, signal));
  });
}

/** Aborts when the connection closes before the answer is sent: nobody waits for it any more. */
export function whenClientLeaves(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}
