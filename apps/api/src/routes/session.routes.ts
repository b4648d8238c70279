import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sessionEndpoints as e } from '@kodbok/contracts';
import { sessionOf } from '../plugins/auth';
import { passwordAttempts } from '../plugins/security';
import { route } from './route';

export async function sessionRoutes(app: FastifyInstance) {
  const auth = app.services.auth;

  route(app, e.getSetup, () => ({ required: auth.setupRequired() }));

  route(app, e.createSetup, async (request) => {
    const session = sessionOf(request);
    const user = await auth.setup(request.body);
    await session.regenerate();
    // regenerate() puts a new session in request.session.
    request.session.set('userId', user.id);
    return { user };
  });

  route(
    app,
    e.createSession,
    async (request) => {
      const session = sessionOf(request);
      const user = await auth.signIn(request.body.email, request.body.password);
      // A new id at sign-in, so a session id planted before sign-in is worthless.
      await session.regenerate();
      request.session.set('userId', user.id);
      return { user };
    },
    // Slows password guessing; keyed by address and account so one noisy user locks no one else out.
    { config: passwordAttempts(signInKey) },
  );

  // The web app's first question on every visit: "nobody" is an answer here, not an error, so a
  // first visit leaves the browser console clean. Scripts keep GET /api/me, which answers 401.
  route(app, e.getSession, (request) => ({
    user: request.user ? auth.me(request.user) : null,
  }));

  route(app, e.deleteSession, async (request) => {
    await sessionOf(request).destroy();
    return null;
  });

  route(app, e.getMe, (request) => ({ user: auth.me(request.currentUser()) }));

  route(
    app,
    e.changePassword,
    (request) =>
      auth.changePassword(
        request.currentUser(),
        request.body.currentPassword,
        request.body.newPassword,
      ),
    // A stolen session or token must not become the password by guessing: keyed by account,
    // so changing addresses does not help.
    { config: passwordAttempts(passwordChangeKey) },
  );
}

function signInKey(request: FastifyRequest): string {
  const body = request.body as { email?: unknown } | undefined;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
  return `${request.ip}|${email}`;
}

/** The signed-in account; anonymous callers (answered 401 anyway) by address. */
function passwordChangeKey(request: FastifyRequest): string {
  return request.user ? `user|${request.user.id}` : `ip|${request.ip}`;
}
