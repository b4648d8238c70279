import type { FastifyInstance } from 'fastify';
import { QDC_MEDIA_TYPE, QDPX_MEDIA_TYPE, refiEndpoints as e } from '@kodbok/contracts';
import { sendDownload } from './download';
import { route } from './route';
import { readUpload } from '../plugins/multipart';

/** REFI-QDA exchange (docs/decisions/013): a project as .qdpx and a codebook as .qdc, out and in. */
export async function refiRoutes(app: FastifyInstance) {
  const { refi } = app.services;

  // Files go as they are (a .qdpx is a zip): see app.ts.
  route(
    app,
    e.exportProjectQdpx,
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
    { compress: false },
  );
  route(
    app,
    e.exportCodebookQdc,
    (request, reply) =>
      sendDownload(
        reply,
        {
          media: QDC_MEDIA_TYPE,
          ...refi.exportCodebook(request.currentUser(), request.params.projectId, request.query),
        },
        request.query.downloadToken,
      ),
    { compress: false },
  );
  route(app, e.importProjectQdpx, async (request, reply) => {
    const user = request.currentUser();
    const read = () => readUpload(request);
    if (request.query.mode === 'preview') return refi.previewProject(user, read);
    const result = await refi.importProject(user, read);
    reply.status(201);
    return result;
  });
  route(app, e.importCodebook, async (request, reply) => {
    const user = request.currentUser();
    const read = () => readUpload(request);
    const { projectId } = request.params;
    if (request.query.mode !== 'commit') return refi.previewCodebook(user, projectId, read);
    const result = await refi.importCodebook(user, projectId, read);
    reply.status(201);
    return result;
  });
}
