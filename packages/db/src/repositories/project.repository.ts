import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../connection';
import { newId, now } from '../ids';
import { projectMembers, projects, studies, users } from '../schema';

export type ProjectRow = typeof projects.$inferSelect;
export type Role = (typeof projectMembers.$inferSelect)['role'];
export type ProjectWithRole = Omit<ProjectRow, 'stagedFor'> & { role: Role; studyCount: number };
/** A member's role with the project settings that decide what the role may do and see. */
export interface Membership {
  role: Role;
  coderCanEditCodebook: boolean;
  independentCoding: boolean;
}

export function createProjectRepository(db: Db) {
  const studyCount = sql<number>`(select count(*) from ${studies} where ${studies.projectId} = ${projects.id})`;
  const membership = db
    .select({
      role: projectMembers.role,
      coderCanEditCodebook: projects.coderCanEditCodebook,
      independentCoding: projects.independentCoding,
    })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(
      and(
        eq(projectMembers.projectId, sql.placeholder('projectId')),
        eq(projectMembers.userId, sql.placeholder('userId')),
      ),
    )
    .prepare();
  return {
    /** The caller's role and the project's permissions, or undefined when not a member. */
    membership(projectId: string, userId: string): Membership | undefined {
      return membership.get({ projectId, userId });
    },
    /** Projects that have lost (or never had) an owner, such as the demo project before setup. */
    listWithoutOwner(): string[] {
      return db
        .select({ id: projects.id })
        .from(projects)
        .where(
          and(
            // An import's staging project has no owner by design: nobody may claim it.
            isNull(projects.stagedFor),
            sql`not exists (select 1 from ${projectMembers} m where m.project_id = ${projects.id} and m.role = 'owner')`,
          ),
        )
        .all()
        .map((r) => r.id);
    },
    listForUser(userId: string): ProjectWithRole[] {
      return db
        .select({ ...projectColumns(), role: projectMembers.role, studyCount })
        .from(projects)
        .innerJoin(projectMembers, eq(projectMembers.projectId, projects.id))
        .where(eq(projectMembers.userId, userId))
        .orderBy(sql`kodbok_sortkey(${projects.name})`, asc(projects.name))
        .all();
    },
    findForUser(projectId: string, userId: string): ProjectWithRole | undefined {
      return db
        .select({ ...projectColumns(), role: projectMembers.role, studyCount })
        .from(projects)
        .innerJoin(projectMembers, eq(projectMembers.projectId, projects.id))
        .where(and(eq(projects.id, projectId), eq(projectMembers.userId, userId)))
        .get();
    },
    insert(name: string): ProjectRow {
      return db.insert(projects).values({ id: newId(), name, createdAt: now() }).returning().get();
    },
    update(
      id: string,
      patch: Partial<Pick<ProjectRow, 'name' | 'coderCanEditCodebook' | 'independentCoding'>>,
    ): void {
      // drizzle refuses an UPDATE with nothing to set; an empty PATCH changes nothing.
      if (Object.keys(patch).length === 0) return;
      db.update(projects).set(patch).where(eq(projects.id, id)).run();
    },
    delete(id: string): void {
      db.delete(projects).where(eq(projects.id, id)).run();
    },
    count(): number {
      return (
        db.select({ n: count() }).from(projects).where(isNull(projects.stagedFor)).get()?.n ?? 0
      );
    },
    exists(id: string): boolean {
      return !!db.select({ id: projects.id }).from(projects).where(eq(projects.id, id)).get();
    },
    /**
     * A hidden project to write an import into, slice by slice, before it is moved to `targetId`
     * at once (docs/decisions/019). Nobody is a member, so nothing project-scoped shows it.
     */
    insertStaging(targetId: string): ProjectRow {
      return db
        .insert(projects)
        .values({ id: newId(), name: 'import staging', stagedFor: targetId, createdAt: now() })
        .returning()
        .get();
    },
    /**
     * A new project that a REFI-QDA import writes in slices: staged for itself, it stays out of
     * every listing (no member may sign in; see `count`, `listWithoutOwner`) until `unstage`.
     */
    insertSelfStaged(name: string): ProjectRow {
      const id = newId();
      return db
        .insert(projects)
        .values({ id, name, stagedFor: id, createdAt: now() })
        .returning()
        .get();
    },
    /** Makes a self-staged project an ordinary one (the import's final transaction). */
    unstage(id: string): void {
      db.update(projects).set({ stagedFor: null }).where(eq(projects.id, id)).run();
    },
    isStaging(id: string): boolean {
      return !!db
        .select({ id: projects.id })
        .from(projects)
        .where(and(eq(projects.id, id), isNotNull(projects.stagedFor)))
        .get();
    },
    /** Every staging project: at start-up, the leftovers of imports that never finished. */
    listStaging(): string[] {
      return db
        .select({ id: projects.id })
        .from(projects)
        .where(isNotNull(projects.stagedFor))
        .all()
        .map((r) => r.id);
    },
  };
}

function projectColumns() {
  return {
    id: projects.id,
    name: projects.name,
    coderCanEditCodebook: projects.coderCanEditCodebook,
    independentCoding: projects.independentCoding,
    createdAt: projects.createdAt,
  };
}

export function createMemberRepository(db: Db) {
  const columns = {
    userId: users.id,
    email: users.email,
    name: users.name,
    role: projectMembers.role,
  };
  return {
    list(projectId: string) {
      return db
        .select(columns)
        .from(projectMembers)
        .innerJoin(users, eq(users.id, projectMembers.userId))
        .where(eq(projectMembers.projectId, projectId))
        .orderBy(sql`kodbok_sortkey(${users.name})`, asc(users.name))
        .all();
    },
    find(projectId: string, userId: string) {
      return db
        .select(columns)
        .from(projectMembers)
        .innerJoin(users, eq(users.id, projectMembers.userId))
        .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
        .get();
    },
    findByEmail(projectId: string, email: string) {
      return db
        .select(columns)
        .from(projectMembers)
        .innerJoin(users, eq(users.id, projectMembers.userId))
        .where(and(eq(projectMembers.projectId, projectId), eq(users.email, email.toLowerCase())))
        .get();
    },
    upsert(projectId: string, userId: string, role: Role): void {
      db.insert(projectMembers)
        .values({ projectId, userId, role })
        .onConflictDoUpdate({
          target: [projectMembers.projectId, projectMembers.userId],
          set: { role },
        })
        .run();
    },
    delete(projectId: string, userId: string): void {
      db.delete(projectMembers)
        .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
        .run();
    },
    countOwners(projectId: string): number {
      return (
        db
          .select({ n: count() })
          .from(projectMembers)
          .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, 'owner')))
          .get()?.n ?? 0
      );
    },
  };
}
export type ProjectRepository = ReturnType<typeof createProjectRepository>;
export type MemberRepository = ReturnType<typeof createMemberRepository>;
