import type { FastifyInstance } from 'fastify';

/**
 * `Server-Timing: app;dur=<ms>` on every answer: how long the server worked on a request, from
 * its arrival in Fastify to its answer. Browsers' developer tools show it beside the request, and
 * the mixed benchmark tells the server's share of a coder's wait from its own client's.
 */
export function registerServerTiming(app: FastifyInstance) {
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(1)}`);
    done(null, payload);
  });
}
