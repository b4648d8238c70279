import type { FastifyInstance } from 'fastify';
import { tokenEndpoints as e } from '@kodbok/contracts';
import { route } from './route';

export async function tokenRoutes(app: FastifyInstance) {
  const tokens = app.services.tokens;
  route(app, e.listTokens, (request) => tokens.list(request.currentUser()));
  route(app, e.createToken, (request) => tokens.create(request.currentUser(), request.body.name));
  route(app, e.deleteToken, (request) => {
    tokens.revoke(request.currentUser(), request.params.tokenId);
    return null;
  });
}
