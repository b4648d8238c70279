import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '../connection';
import { newId, now } from '../ids';
import {
  disagreementComments,
  highlights,
  memos,
  projectMembers,
  projects,
  reconciliations,
  resolutions,
  users,
} from '../schema';

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
    /**
     * Deletes those of the accounts that nothing refers to any more (coding, memos, comments,
     * reconciliations); their sessions and memberships go by cascade. An account still named by
     * another project's coding stays, rather than failing the deletion that called this. (The
     * highlights are searched project by project: their index leads with the project.)
     */
    deleteUnreferenced(ids: readonly string[]): number {
      if (ids.length === 0) return 0;
      return db.run(sql`DELETE FROM ${users}
        WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))
          AND NOT EXISTS (SELECT 1 FROM ${highlights} h
            WHERE h.project_id IN (SELECT id FROM ${projects}) AND h.coder_id = ${users}.id)
          AND NOT EXISTS (SELECT 1 FROM ${memos} m WHERE m.user_id = ${users}.id)
          AND NOT EXISTS (SELECT 1 FROM ${disagreementComments} c WHERE c.user_id = ${users}.id)
          AND NOT EXISTS (SELECT 1 FROM ${resolutions} r WHERE r.user_id = ${users}.id)
          AND NOT EXISTS (SELECT 1 FROM ${reconciliations} r WHERE r.user_id = ${users}.id)`)
        .changes;
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
