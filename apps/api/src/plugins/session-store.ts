import type { SessionStore } from '@fastify/session';
import { isBusy, type Repositories } from '@kodbok/db';

/**
 * @fastify/session keeps sessions in this store: rows in SQLite, so they survive restarts, can be
 * revoked (sign-out everywhere, disabled accounts) and would move to PostgreSQL with the rest.
 */
export function createSqliteSessionStore(repos: Repositories): SessionStore {
  return {
    get(sessionId, callback) {
      try {
        const row = repos.sessions.get(sessionId);
        if (!row || row.expiresAt < Date.now()) return callback(null, null);
        callback(null, JSON.parse(row.data));
      } catch (err) {
        callback(err as Error);
      }
    },
    set(sessionId, session, callback) {
      const expires = session.cookie.expires
        ? new Date(session.cookie.expires).getTime()
        : Date.now() + 86_400_000;
      const userId = (session as { userId?: string }).userId ?? null;
      whenFree(
        () =>
          repos.sessions.upsert({
            id: sessionId,
            userId,
            data: JSON.stringify(session),
            expiresAt: expires,
          }),
        callback,
      );
    },
    destroy(sessionId, callback) {
      whenFree(() => repos.sessions.delete(sessionId), callback);
    },
  };
}

/**
 * Runs a session write, trying again from a timer for up to a second while another connection
 * holds the write lock (an import's slice, decision 019): sessions are saved in a hook, after the
 * route, where plugins/busy-retry.ts does not reach, and signing in must not fail because of it.
 */
function whenFree(write: () => void, done: (err?: Error) => void, since = Date.now()): void {
  try {
    write();
    done();
  } catch (err) {
    if (isBusy(err) && Date.now() - since < 1_000)
      setTimeout(() => whenFree(write, done, since), 15);
    else done(err as Error);
  }
}
