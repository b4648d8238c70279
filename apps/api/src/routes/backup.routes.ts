import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BACKUP_MEDIA_TYPE, errorResponses } from '@kodbok/contracts';
import { sendDownload } from './download';

export const backupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { backups } = app.services;

  app.get(
    '/admin/backup',
    {
      // The file goes as it is: compressing gigabytes at request time would hold a core, and a
      // client that wants it smaller compresses the file it keeps.
      compress: false,
      schema: {
        tags: ['admin'],
        description:
          "The whole database as one SQLite file, copied with SQLite's backup API while the server runs and checked (PRAGMA quick_check) before it is sent; instance owner only. A large database takes a while before the first byte (about 10 s for 2 GB). Restore: see the README.",
        produces: [BACKUP_MEDIA_TYPE],
        response: { ...errorResponses(401, 403, 429) },
      },
    },
    async (request, reply) => {
      const file = await backups.download(request.currentUser());
      reply.header('content-length', file.bytes);
      return sendDownload(reply, { ...file, media: BACKUP_MEDIA_TYPE }, undefined);
    },
  );
};
