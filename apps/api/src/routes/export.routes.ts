import type { FastifyInstance, FastifyReply } from 'fastify';
import { EXPORT_MEDIA_TYPES, exportEndpoints as e } from '@kodbok/contracts';
import type { ExportJob } from '../services/export-job';
import { sendDownload } from './download';
import type { CurrentUser } from '../services/types';
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

  route(app, e.exportExcerpts, (r, reply) => send(reply, { kind: 'excerpts', ...job(r) }), options);
  route(app, e.exportMatrix, (r, reply) => send(reply, { kind: 'matrix', ...job(r) }), options);
  route(app, e.exportPresence, (r, reply) => send(reply, { kind: 'presence', ...job(r) }), options);
  route(app, e.exportCodebook, (r, reply) => send(reply, { kind: 'codebook', ...job(r) }), options);
  route(app, e.exportMemos, (r, reply) => send(reply, { kind: 'memos', ...job(r) }), options);
}

/** Who asks, for which project and format, with which options: every export job's part. */
function job<P extends object, Q>(request: { currentUser(): CurrentUser; params: P; query: Q }) {
  return { user: request.currentUser(), ...request.params, query: request.query };
}
