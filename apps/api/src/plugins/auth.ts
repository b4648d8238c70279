import cookie from '@fastify/cookie';
import session from '@fastify/session';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Repositories } from '@kodbok/db';
import type { Config } from '../config';
import { UnauthorizedError } from '../errors';
import { createSqliteSessionStore } from './session-store';
import type { CurrentUser } from '../services/types';

export const SESSION_COOKIE = 'kodbok_session';
const THIRTY_DAYS = 30 * 24 * 3600 * 1000;

/**
 * Who is calling: a bearer token (scripts) or the session cookie (the web app). Routes call
 * `request.currentUser()`, which throws 401 when neither is valid; authorisation per object
 * happens in the services.
 */
export async function registerAuth(app: FastifyInstance, config: Config, repos: Repositories) {
  await app.register(cookie);
  await app.register(session, {
    secret: config.sessionSecret,
    cookieName: SESSION_COOKIE,
    saveUninitialized: false,
    rolling: false,
    store: createSqliteSessionStore(repos),
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: THIRTY_DAYS },
  });
  repos.sessions.deleteExpired(Date.now());

  app.decorateRequest('user', null);
  app.decorateRequest('currentUser', function (this: FastifyRequest): CurrentUser {
    if (!this.user) throw new UnauthorizedError();
    return this.user;
  });
  app.addHook('preHandler', async (request) => {
    request.user = resolveUser(request, repos);
  });
}

function resolveUser(request: FastifyRequest, repos: Repositories): CurrentUser | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const user = request.server.services.tokens.authenticate(header.slice(7).trim());
    if (!user) throw new UnauthorizedError('The API token is invalid or was revoked');
    return user;
  }
  const userId = request.session.get('userId');
  if (!userId) return null;
  const user = repos.users.findById(userId);
  if (!user || user.disabled) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isInstanceOwner: user.isInstanceOwner,
    sessionId: request.session.sessionId,
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
    currentUser(): CurrentUser;
  }
}
declare module 'fastify' {
  interface Session {
    userId?: string;
  }
}
