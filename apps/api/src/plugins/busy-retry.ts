import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import { isBusy, type LockWaiters } from '@kodbok/db';

/** How long a request's write waits, in all, for another connection's write lock. */
const MAX_WAIT_MS = 1_000;
/** Between tries: an import frees the lock for 25 ms between its slices (decision 019). */
const RETRY_MS = 15;

/**
 * A write that meets another connection's write lock (an import's slice, decision 019) is run
 * again shortly, from a timer, instead of waiting inside SQLite: SQLite's wait would block the
 * API's one thread, so every other request would wait with it. The API connection's own busy
 * timeout is a few milliseconds (app.ts); the handler runs again from the start, which is safe
 * because a busy write rolled its transaction back. Past a second the 503 stands
 * (plugins/errors.ts). Multipart requests are not retried: their body is a stream already read.
 * Meanwhile the request counts among the lock's `waiters`, for which an import pauses.
 */
export function registerBusyRetry(app: FastifyInstance, waiters: LockWaiters) {
  app.addHook('onRoute', (route) => {
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function retrying(request, reply) {
      const since = Date.now();
      let waiting = false;
      try {
        for (;;) {
          try {
            return await handler.call(this, request, reply);
          } catch (err) {
            const retry =
              isBusy(err) &&
              !reply.sent &&
              !request.isMultipart() &&
              Date.now() - since + RETRY_MS < MAX_WAIT_MS;
            if (!retry) throw err;
            if (!waiting) waiters.begin();
            waiting = true;
            await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
          }
        }
      } finally {
        if (waiting) waiters.end();
      }
    };
  });
}
