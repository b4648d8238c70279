import cookie from '@fastify/cookie';
import session, { type FastifySessionOptions } from '@fastify/session';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Repositories } from '@kodbok/db';
import type { Config } from '../config';
import { BadRequestError, UnauthorizedError } from '../errors';
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
  await registerCookieSessions(app, {
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

/** A script's request: it names its user by an API token, not by the session cookie. */
const hasToken = (request: FastifyRequest): boolean =>
  request.headers.authorization?.startsWith('Bearer ') === true;

/**
 * @fastify/session for the requests that can use a session. A request with an API token has no use
 * for one, yet the plugin made one for each (a random id and its HMAC signature: 4% of the API
 * thread while 20 scripts write highlights, issue 13). The plugin is given a view of `app` whose
 * `onRequest` hooks let such requests by; their `request.session` stays null (sessionOf).
 */
function registerCookieSessions(app: FastifyInstance, options: FastifySessionOptions) {
  const exceptTokens = (hook: onRequestHookHandler): onRequestHookHandler =>
    function (this: FastifyInstance, request, reply, done) {
      if (hasToken(request)) return done();
      return hook.call(this, request, reply, done);
    };
  const view = new Proxy(app, {
    get(target, key) {
      if (key !== 'addHook') return Reflect.get(target, key, target) as unknown;
      const addHook = target.addHook as (
        this: FastifyInstance,
        name: string,
        hook: unknown,
      ) => FastifyInstance;
      return (name: string, hook: onRequestHookHandler) =>
        addHook.call(target, name, name === 'onRequest' ? exceptTokens(hook) : hook);
    },
  });
  return new Promise<void>((resolve, reject) =>
    session(view, options, (err) => (err ? reject(err) : resolve())),
  );
}

/** The session of a request from the web app; one with an API token has none (sign-in, sign-out). */
export function sessionOf(request: FastifyRequest) {
  if (!request.session) {
    throw new BadRequestError(
      'This request carries an API token (Authorization: Bearer); sessions are for the web app: send it without the token to sign in or out',
    );
  }
  return request.session;
}

function resolveUser(request: FastifyRequest, repos: Repositories): CurrentUser | null {
  if (hasToken(request)) {
    const token = request.headers.authorization!.slice(7).trim();
    const user = request.server.services.tokens.authenticate(token);
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
