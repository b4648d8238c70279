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
import type { ExportFile } from '../services/export.service';
import { sendDownload } from './download';

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

function send(reply: FastifyReply, query: { downloadToken?: string }, file: ExportFile) {
  return sendDownload(
    reply,
    { name: file.name, media: EXPORT_MEDIA_TYPES[file.format], body: file.body },
    query.downloadToken,
  );
}
