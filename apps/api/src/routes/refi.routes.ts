import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CodebookImportPreviewSchema,
  CodebookImportResultSchema,
  errorResponses,
  ProjectParams,
  QDC_MEDIA_TYPE,
  QDPX_MEDIA_TYPE,
  QdpxImportResultSchema,
  QdpxPreviewSchema,
  RefiExportQuery,
  QdpxImportQuery,
  RefiImportQuery,
} from '@kodbok/contracts';
import { sendDownload } from './download';
import { readUpload } from '../plugins/multipart';

const POSITIONS =
  'Selection positions are Unicode code points of the text with LF line breaks and no BOM (Kodbok converts its UTF-16 offsets).';
const IMPORT = `Multipart form data: one \`file\` part. mode=preview stores nothing; mode=commit stores everything or nothing, and nobody sees part of it. A file that is not what it claims (not a zip, a zip bomb, a path leaving the archive, a DOCTYPE, the wrong namespace, a selection outside its text, a missing required attribute) is refused with 400 (413 for a zip bomb) naming the problem.`;

/** REFI-QDA exchange (docs/decisions/013): a project as .qdpx and a codebook as .qdc, out and in. */
export const refiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { refi } = app.services;
  const download = (media: string) => ({
    tags: ['exports'],
    params: ProjectParams,
    querystring: RefiExportQuery,
    produces: [media],
    response: { ...errorResponses(400, 401, 403, 404) },
  });

  app.get(
    '/projects/:projectId/exports/project.qdpx',
    {
      // Files go as they are (a .qdpx is a zip): see app.ts.
      compress: false,
      schema: {
        ...download(QDPX_MEDIA_TYPE),
        description: `The project as a REFI-QDA .qdpx (project.qde and sources/). ${POSITIONS}`,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        {
          media: QDPX_MEDIA_TYPE,
          ...(await refi.exportProject(
            request.currentUser(),
            request.params.projectId,
            request.query,
          )),
        },
        request.query.downloadToken,
      ),
  );
  app.get(
    '/projects/:projectId/exports/codebook.qdc',
    {
      compress: false,
      schema: {
        ...download(QDC_MEDIA_TYPE),
        description: 'The codebook as a REFI-QDA .qdc (the codes filter keeps some codes).',
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        {
          media: QDC_MEDIA_TYPE,
          ...refi.exportCodebook(request.currentUser(), request.params.projectId, request.query),
        },
        request.query.downloadToken,
      ),
  );
  app.post(
    '/projects/from-qdpx',
    {
      schema: {
        tags: ['projects'],
        description: `A new project, owned by the caller, from a REFI-QDA .qdpx (or a bare .qde). ${IMPORT} ${POSITIONS}`,
        consumes: ['multipart/form-data'],
        querystring: QdpxImportQuery,
        response: {
          200: QdpxPreviewSchema,
          201: QdpxImportResultSchema,
          ...errorResponses(400, 401, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const user = request.currentUser();
      const read = () => readUpload(request);
      if (request.query.mode === 'preview') return refi.previewProject(user, read);
      return reply.status(201).send(await refi.importProject(user, read));
    },
  );
  app.post(
    '/projects/:projectId/codes/import',
    {
      schema: {
        tags: ['codebook'],
        description: `Adds a codebook file's codes (REFI-QDA .qdc or .qdpx, Kodbok's codebook.csv or .json, or a CSV/JSON with name, parent, description, color, keywords): a code with the name of one under the same parent is that code, the rest are added. ${IMPORT}`,
        consumes: ['multipart/form-data'],
        params: ProjectParams,
        querystring: RefiImportQuery,
        response: {
          200: CodebookImportPreviewSchema,
          201: CodebookImportResultSchema,
          ...errorResponses(400, 401, 403, 404, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const user = request.currentUser();
      const read = () => readUpload(request);
      const { projectId } = request.params;
      if (request.query.mode !== 'commit') return refi.previewCodebook(user, projectId, read);
      return reply.status(201).send(await refi.importCodebook(user, projectId, read));
    },
  );
};
