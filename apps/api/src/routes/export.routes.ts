import type { FastifyInstance, FastifyReply } from 'fastify';
import { EXPORT_MEDIA_TYPES, exportEndpoints as e } from '@kodbok/contracts';
import type { ExportJob } from '../services/export-job';
import { sendDownload } from './download';
import { route } from './route';

/**
 * The exports, each a file named for the project and the day. Each runs in the read worker
 * (services/export-job.ts) and streams from there.
 */
export async function exportRoutes(app: FastifyInstance) {
  const { exports } = app.services;
  const send = async (reply: FastifyReply, job: ExportJob) => {
    const file = await exports.run(job);
    return sendDownload(
      reply,
      { name: file.name, media: EXPORT_MEDIA_TYPES[file.format], body: file.body },
      job.query.downloadToken,
    );
  };
  // Files go as they are: they stream at 100,000 rows a second, and XLSX and DOCX are zips
  // already (app.ts compresses JSON answers).
  const options = { compress: false } as const;

  route(
    app,
    e.exportExcerpts,
    (request, reply) =>
      send(reply, {
        kind: 'excerpts',
        user: request.currentUser(),
        ...request.params,
        query: request.query,
      }),
    options,
  );
  route(
    app,
    e.exportMatrix,
    (request, reply) =>
      send(reply, {
        kind: 'matrix',
        user: request.currentUser(),
        ...request.params,
        query: request.query,
      }),
    options,
  );
  route(
    app,
    e.exportPresence,
    (request, reply) =>
      send(reply, {
        kind: 'presence',
        user: request.currentUser(),
        ...request.params,
        query: request.query,
      }),
    options,
  );
  route(
    app,
    e.exportCodebook,
    (request, reply) =>
      send(reply, {
        kind: 'codebook',
        user: request.currentUser(),
        ...request.params,
        query: request.query,
      }),
    options,
  );
  route(
    app,
    e.exportMemos,
    (request, reply) =>
      send(reply, {
        kind: 'memos',
        user: request.currentUser(),
        ...request.params,
        query: request.query,
      }),
    options,
  );
}
