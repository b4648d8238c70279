import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
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
import { contentDisposition } from '@kodbok/core';
import type { ExportFile } from '../services/export.service';

/** GET /projects/:projectId/exports/<what>.<format>: a file, named for the project and the day. */
export const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { exports } = app.services;
  const route = <P extends TSchema, Q extends TSchema>(params: P, querystring: Q) => ({
    schema: {
      tags: ['exports'],
      params,
      querystring,
      response: { ...errorResponses(400, 401, 403, 404) },
    },
  });

  app.get(
    '/projects/:projectId/exports/excerpts.:format',
    route(ExcerptsExportParams, ExcerptsExportQuery),
    async (request, reply) =>
      send(
        reply,
        request.query,
        await exports.excerpts(
          request.currentUser(),
          request.params.projectId,
          request.params.format,
          request.query,
        ),
      ),
  );
  app.get(
    '/projects/:projectId/exports/matrix.:format',
    route(MatrixExportParams, MatrixExportQuery),
    async (request, reply) =>
      send(
        reply,
        request.query,
        await exports.matrix(
          request.currentUser(),
          request.params.projectId,
          request.params.format,
          request.query,
        ),
      ),
  );
  app.get(
    '/projects/:projectId/exports/presence.:format',
    route(PresenceExportParams, PresenceExportQuery),
    async (request, reply) =>
      send(
        reply,
        request.query,
        await exports.presence(
          request.currentUser(),
          request.params.projectId,
          request.params.format,
          request.query,
        ),
      ),
  );
  app.get(
    '/projects/:projectId/exports/codebook.:format',
    route(CodebookExportParams, CodebookExportQuery),
    async (request, reply) =>
      send(
        reply,
        request.query,
        await exports.codebook(
          request.currentUser(),
          request.params.projectId,
          request.params.format,
          request.query,
        ),
      ),
  );
  app.get(
    '/projects/:projectId/exports/memos.:format',
    route(MemosExportParams, MemosExportQuery),
    async (request, reply) =>
      send(
        reply,
        request.query,
        await exports.memos(
          request.currentUser(),
          request.params.projectId,
          request.params.format,
          request.query,
        ),
      ),
  );
};

/**
 * Sends a file as a download. With a downloadToken, a cookie tells the web page that started
 * the download (by a link, which it cannot watch) that the file has begun to arrive.
 */
function send(reply: FastifyReply, query: { downloadToken?: string }, file: ExportFile) {
  reply
    .header('content-type', EXPORT_MEDIA_TYPES[file.format])
    .header('content-disposition', contentDisposition(file.name))
    .header('cache-control', 'no-store');
  if (query.downloadToken) {
    reply.setCookie('kodbok_download', query.downloadToken, {
      path: '/',
      maxAge: 60,
      sameSite: 'strict',
      httpOnly: false,
    });
  }
  return reply.send(file.body);
}
