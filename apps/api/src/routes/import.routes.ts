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
mode=commit stores everything in one transaction or nothing.`;

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
          ...errorResponses(400, 401, 403, 404, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const user = request.currentUser();
      const { projectId } = request.params;
      const read = () => readUpload(request);
      if (request.query.mode === 'commit') {
        const choice = request.query.duplicates ?? 'skip';
        return reply.status(201).send(await imports.commit(user, projectId, read, choice));
      }
      return imports.preview(user, projectId, read);
    },
  );
};
