import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TSchema } from 'typebox';
import {
  CodebookExportParams,
  CodebookExportQuery,
  errorResponses,
  ExcerptsExportParams,
  ExcerptsExportQuery,
  EXPORT_MEDIA_TYPES,
  MatrixExportParams,
  MatrixExportQuery,
  MemosExportParams,
  MemosExportQuery,
  PresenceExportParams,
  PresenceExportQuery,
} from '@kodbok/contracts';
import type { ExportJob } from '../services/export-job';
import { sendDownload } from './download';

/**
 * GET /projects/:projectId/exports/<what>.<format>: a file, named for the project and the day.
 * Each runs in the read worker (services/export-job.ts) and streams from there.
 */
export const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { exports } = app.services;
  const route = <K extends ExportJob['kind'], P extends TSchema, Q extends TSchema>(
    kind: K,
    params: P,
    querystring: Q,
  ) =>
    app.get(
      `/projects/:projectId/exports/${kind}.:format`,
      {
        // Files go as they are: they stream at 100,000 rows a second, and XLSX and DOCX are
        // zips already (app.ts compresses JSON answers).
        compress: false,
        schema: {
          tags: ['exports'],
          params,
          querystring,
          response: { ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const { projectId, format } = request.params as { projectId: string; format: string };
        const query = request.query as { downloadToken?: string };
        const job = { kind, user: request.currentUser(), projectId, format, query } as ExportJob;
        const file = await exports.run(job);
        return sendDownload(
          reply,
          { name: file.name, media: EXPORT_MEDIA_TYPES[file.format], body: file.body },
          query.downloadToken,
        );
      },
    );
  route('excerpts', ExcerptsExportParams, ExcerptsExportQuery);
  route('matrix', MatrixExportParams, MatrixExportQuery);
  route('presence', PresenceExportParams, PresenceExportQuery);
  route('codebook', CodebookExportParams, CodebookExportQuery);
  route('memos', MemosExportParams, MemosExportQuery);
};
