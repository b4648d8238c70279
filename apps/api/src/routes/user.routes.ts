import type { FastifyInstance } from 'fastify';
import { userEndpoints as e } from '@kodbok/contracts';
import { route } from './route';

export async function userRoutes(app: FastifyInstance) {
  const users = app.services.users;
  route(app, e.listUsers, (request) => users.list(request.currentUser()));
  route(app, e.createUser, async (request) => ({
    user: await users.create(request.currentUser(), request.body),
  }));
  route(app, e.updateUser, (request) => ({
    user: users.update(request.currentUser(), request.params.userId, request.body),
  }));
}
