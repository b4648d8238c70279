import type { FastifyInstance } from 'fastify';
import { codeEndpoints as e } from '@kodbok/contracts';
import { route } from './route';

export async function codeRoutes(app: FastifyInstance) {
  const codes = app.services.codes;
  route(app, e.listCodes, (request) =>
    codes.list(request.currentUser(), request.params.projectId, request.query.coders),
  );
  route(app, e.createCode, (request) =>
    codes.create(request.currentUser(), request.params.projectId, request.body),
  );
  route(app, e.updateCode, (request) =>
    codes.update(request.currentUser(), request.params.codeId, request.body),
  );
  route(app, e.deleteCode, (request) =>
    codes.remove(request.currentUser(), request.params.codeId, request.query),
  );
  route(app, e.mergeCode, (request) =>
    codes.merge(request.currentUser(), request.params.codeId, request.body.intoCodeId),
  );
  route(app, e.getCodeExamples, (request) =>
    codes.examples(request.currentUser(), request.params.projectId, request.query),
  );
  route(app, e.undoCodebookChange, (request) =>
    codes.undo(request.currentUser(), request.params.undoId),
  );
}
