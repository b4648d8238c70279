import { count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../connection';
import { newId, now } from '../ids';
import { projectMembers, users } from '../schema';

export type UserRow = typeof users.$inferSelect;

export function createUserRepository(db: Db) {
  return {
    count(): number {
      return db.select({ n: count() }).from(users).get()?.n ?? 0;
    },
    /** Accounts that can sign in; the demo coders have no password and do not count. */
    countWithPassword(): number {
      return (
        db
          .select({ n: count() })
          .from(users)
          .where(sql`${users.passwordHash} is not null`)
          .get()?.n ?? 0
      );
    },
    findById(id: string): UserRow | undefined {
      return db.select().from(users).where(eq(users.id, id)).get();
    },
    findByEmail(email: string): UserRow | undefined {
      return db.select().from(users).where(eq(users.email, email.toLowerCase())).get();
    },
    list(): UserRow[] {
      return db
        .select()
        .from(users)
        .orderBy(sql`kodbok_sortkey(${users.name})`, users.name)
        .all();
    },
    /**
     * The accounts without a password (coders of an imported file, decision 013) that are members
     * of this project and of no other: deleting the project would leave them nobody's.
     */
    onlyCodersOf(projectId: string): string[] {
      return db
        .all<{ id: string }>(
          sql`SELECT u.id FROM ${users} u JOIN ${projectMembers} m ON m.user_id = u.id
          WHERE m.project_id = ${projectId} AND u.password_hash IS NULL
            AND NOT EXISTS (SELECT 1 FROM ${projectMembers} o
              WHERE o.user_id = u.id AND o.project_id <> ${projectId})`,
        )
        .map((r) => r.id);
    },
    /** Deletes accounts; their sessions and memberships go by cascade, their coding must be gone. */
    deleteMany(ids: readonly string[]): void {
      if (ids.length === 0) return;
      db.delete(users)
        .where(inArray(users.id, sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`))
        .run();
    },
    insert(input: {
      email: string;
      name: string;
      passwordHash: string | null;
      isInstanceOwner?: boolean;
    }): UserRow {
      return db
        .insert(users)
        .values({ id: newId(), createdAt: now(), ...input, email: input.email.toLowerCase() })
        .returning()
        .get();
    },
    update(id: string, patch: Partial<Pick<UserRow, 'name' | 'disabled' | 'passwordHash'>>) {
      // drizzle refuses an UPDATE with nothing to set; an empty PATCH changes nothing.
      if (Object.keys(patch).length === 0)
        return db.select().from(users).where(eq(users.id, id)).get();
      return db.update(users).set(patch).where(eq(users.id, id)).returning().get();
    },
  };
}
export type UserRepository = ReturnType<typeof createUserRepository>;
