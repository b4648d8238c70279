import type { FastifyInstance } from 'fastify';
import { BACKUP_MEDIA_TYPE, backupEndpoints as e } from '@kodbok/contracts';
import { sendDownload } from './download';
import { route } from './route';

export async function backupRoutes(app: FastifyInstance) {
  const { backups } = app.services;

  route(
    app,
    e.getBackup,
    async (request, reply) => {
      const file = await backups.download(request.currentUser());
      reply.header('content-length', file.bytes);
      return sendDownload(reply, { ...file, media: BACKUP_MEDIA_TYPE }, undefined);
    },
    // The file goes as it is: compressing gigabytes at request time would hold a core, and a
    // client that wants it smaller compresses the file it keeps.
    { compress: false },
  );
}
