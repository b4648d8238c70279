import type { SessionStore } from '@fastify/session';
import type { Repositories } from '@kodbok/db';

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
      try {
        const expires = session.cookie.expires
          ? new Date(session.cookie.expires).getTime()
          : Date.now() + 86_400_000;
        const userId = (session as { userId?: string }).userId ?? null;
        repos.sessions.upsert({
          id: sessionId,
          userId,
          data: JSON.stringify(session),
          expiresAt: expires,
        });
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
    destroy(sessionId, callback) {
      try {
        repos.sessions.delete(sessionId);
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
  };
}
