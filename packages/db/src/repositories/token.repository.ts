import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../connection';
import { newId, now } from '../ids';
import { apiTokens, users } from '../schema';

export type TokenRow = typeof apiTokens.$inferSelect;

export function createTokenRepository(db: Db) {
  const ownerByHash = db
    .select({ tokenId: apiTokens.id, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, sql.placeholder('hash')))
    .prepare();
  const touch = db
    .update(apiTokens)
    .set({ lastUsedAt: sql`${sql.placeholder('at')}` })
    .where(eq(apiTokens.id, sql.placeholder('id')))
    .prepare();
  return {
    insert(userId: string, name: string, tokenHash: string): TokenRow {
      return db
        .insert(apiTokens)
        .values({ id: newId(), userId, name, tokenHash, createdAt: now() })
        .returning()
        .get();
    },
    listForUser(userId: string): TokenRow[] {
      return db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.userId, userId))
        .orderBy(desc(apiTokens.createdAt))
        .all();
    },
    findUserByHash(tokenHash: string) {
      return ownerByHash.get({ hash: tokenHash });
    },
    /** Records use at most once a minute per token, so scripts do not turn reads into writes. */
    touch(id: string, lastUsedAt: string): void {
      touch.run({ id, at: lastUsedAt });
    },
    delete(userId: string, id: string): boolean {
      const res = db
        .delete(apiTokens)
        .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
        .run();
      return res.changes > 0;
    },
    deleteForUser(userId: string): void {
      db.delete(apiTokens).where(eq(apiTokens.userId, userId)).run();
    },
  };
}
export type TokenRepository = ReturnType<typeof createTokenRepository>;
