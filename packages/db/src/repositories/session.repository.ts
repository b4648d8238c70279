import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../connection';
import { sessions } from '../schema';

export type SessionRow = typeof sessions.$inferSelect;

/** Server-side sessions: stored rows, so signing out or disabling an account revokes them. */
export function createSessionRepository(db: Db) {
  const byId = db
    .select()
    .from(sessions)
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare();
  return {
    get(id: string): SessionRow | undefined {
      return byId.get({ id });
    },
    upsert(row: SessionRow): void {
      db.insert(sessions)
        .values(row)
        .onConflictDoUpdate({
          target: sessions.id,
          set: { data: row.data, userId: row.userId, expiresAt: row.expiresAt },
        })
        .run();
    },
    delete(id: string): void {
      db.delete(sessions).where(eq(sessions.id, id)).run();
    },
    /** Revokes every session of a user except, optionally, the one making the request. */
    deleteForUser(userId: string, exceptId?: string): void {
      const cond = exceptId
        ? and(eq(sessions.userId, userId), ne(sessions.id, exceptId))
        : eq(sessions.userId, userId);
      db.delete(sessions).where(cond).run();
    },
    deleteExpired(nowMs: number): void {
      db.delete(sessions).where(lt(sessions.expiresAt, nowMs)).run();
    },
  };
}
export type SessionRepository = ReturnType<typeof createSessionRepository>;
