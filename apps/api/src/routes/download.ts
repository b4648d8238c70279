import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { contentDisposition, type ExportFileName } from '@kodbok/core';

/**
 * Sends a file as a download, named for the project and the day. With a downloadToken, a cookie
 * tells the web page that started the download (by a link, which it cannot watch) that the file
 * has begun to arrive. Shared by every export route.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { name: ExportFileName; media: string; body: Readable | Buffer | Uint8Array | string },
  downloadToken: string | undefined,
) {
  reply
    .header('content-type', file.media)
    .header('content-disposition', contentDisposition(file.name))
    .header('cache-control', 'no-store');
  if (downloadToken) {
    reply.setCookie('kodbok_download', downloadToken, {
      path: '/',
      maxAge: 60,
      sameSite: 'strict',
      httpOnly: false,
    });
  }
  const { body } = file;
  return reply.send(
    body instanceof Uint8Array && !Buffer.isBuffer(body)
      ? Buffer.from(body.buffer, body.byteOffset, body.byteLength)
      : body,
  );
}
