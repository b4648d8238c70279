import type { FastifyInstance } from 'fastify';
import { memoEndpoints as e } from '@kodbok/contracts';
import { route } from './route';

export async function memoRoutes(app: FastifyInstance) {
  const { memos } = app.services;
  route(app, e.listMemos, (request) => {
    const { on, id } = request.query;
    return memos.list(request.currentUser(), request.params.projectId, on, id);
  });
  route(app, e.putMemo, (request) => ({
    memo: memos.put(request.currentUser(), request.params.projectId, request.body),
  }));
}
