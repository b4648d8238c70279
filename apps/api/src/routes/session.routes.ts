import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  ChangePasswordBody,
  ChangePasswordResult,
  errorResponses,
  NoContent,
  SessionEnvelope,
  SetupBody,
  SetupStatus,
  SignInBody,
  UserEnvelope,
} from '@kodbok/contracts';
import { passwordAttempts } from '../plugins/security';

export const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const auth = app.services.auth;
  const tags = ['session'];

  app.get('/setup', { schema: { tags, response: { 200: SetupStatus } } }, async () => ({
    required: auth.setupRequired(),
  }));

  app.post(
    '/setup',
    {
      schema: {
        tags,
        body: SetupBody,
        response: { 201: UserEnvelope, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => {
      const user = await auth.setup(request.body);
      await request.session.regenerate();
      request.session.set('userId', user.id);
      return reply.status(201).send({ user });
    },
  );

  app.post(
    '/session',
    {
      // Slows password guessing; keyed by address and account so one noisy user locks no one else out.
      config: passwordAttempts(signInKey),
      schema: {
        tags,
        body: SignInBody,
        response: { 200: UserEnvelope, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request) => {
      const user = await auth.signIn(request.body.email, request.body.password);
      // A new id at sign-in, so a session id planted before sign-in is worthless.
      await request.session.regenerate();
      request.session.set('userId', user.id);
      return { user };
    },
  );

  // The web app's first question on every visit: "nobody" is an answer here, not an error, so a
  // first visit leaves the browser console clean. Scripts keep GET /api/me, which answers 401.
  app.get(
    '/session',
    { schema: { tags, response: { 200: SessionEnvelope } } },
    async (request) => ({
      user: request.user ? auth.me(request.user) : null,
    }),
  );

  app.delete(
    '/session',
    { schema: { tags, response: { 204: NoContent } } },
    async (request, reply) => {
      await request.session.destroy();
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    { schema: { tags, response: { 200: UserEnvelope, ...errorResponses(401) } } },
    async (request) => ({
      user: auth.me(request.currentUser()),
    }),
  );

  app.put(
    '/me/password',
    {
      // A stolen session or token must not become the password by guessing: keyed by account,
      // so changing addresses does not help.
      config: passwordAttempts(passwordChangeKey),
      schema: {
        tags,
        body: ChangePasswordBody,
        response: { 200: ChangePasswordResult, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) =>
      auth.changePassword(
        request.currentUser(),
        request.body.currentPassword,
        request.body.newPassword,
      ),
  );
};

function signInKey(request: FastifyRequest): string {
  const body = request.body as { email?: unknown } | undefined;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
  return `${request.ip}|${email}`;
}

/** The signed-in account; anonymous callers (answered 401 anyway) by address. */
function passwordChangeKey(request: FastifyRequest): string {
  return request.user ? `user|${request.user.id}` : `ip|${request.ip}`;
}
