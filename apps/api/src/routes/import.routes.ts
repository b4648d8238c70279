import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  errorResponses,
  ImportPreviewSchema,
  ImportQuery,
  ImportResultSchema,
  ProjectParams,
} from '@kodbok/contracts';
import { readUpload } from '../plugins/multipart';

const DESCRIPTION = `Multipart form data: one or more \`file\` parts (RIS, BibTeX, PubMed MEDLINE, Web of
Science plain text, CSV or plain text, recognised from the content) and, for CSV, an optional
\`mapping\` part (JSON CsvMapping). Records that cannot be read are listed as problems and the rest
imports; a file in which nothing is a record is refused with 400. mode=preview stores nothing;
mode=commit stores everything or nothing: the studies are written in short slices, unseen, and appear together (docs/decisions/019).`;

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { imports } = app.services;
  app.post(
    '/projects/:projectId/imports',
    {
      schema: {
        tags: ['studies'],
        description: DESCRIPTION,
        consumes: ['multipart/form-data'],
        params: ProjectParams,
        querystring: ImportQuery,
        response: {
          200: ImportPreviewSchema,
          201: ImportResultSchema,
          ...errorResponses(400, 401, 403, 404, 413, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const user = request.currentUser();
      const { projectId } = request.params;
      const read = () => readUpload(request);
      const signal = whenClientLeaves(reply);
      if (request.query.mode === 'commit') {
        const choice = request.query.duplicates ?? 'skip';
        return reply.status(201).send(await imports.commit(user, projectId, read, choice, signal));
      }
      return imports.preview(user, projectId, read, signal);
    },
  );
};

/** Aborts when the connection closes before the answer is sent: nobody waits for it any more. */
export function whenClientLeaves(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}
