import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../connection';
import { newId, now } from '../ids';
import { activity, users } from '../schema';

export type ActivityAction = (typeof activity.$inferSelect)['action'];
export interface NewActivity {
  projectId: string;
  actorId: string | null;
  action: ActivityAction;
  subject: string;
  detail?: string | null;
}
export interface ActivityView {
  id: string;
  action: ActivityAction;
  actorName: string | null;
  subject: string;
  detail: string | null;
  createdAt: string;
}

export function createActivityRepository(db: Db) {
  return {
    /** Adds an entry; call it inside the transaction of the change it records. */
    record(entry: NewActivity): void {
      db.insert(activity)
        .values({ ...entry, detail: entry.detail ?? null, id: newId(), createdAt: now() })
        .run();
    },
    /** Up to `limit` entries older than the entry `before` (all when null), newest first. */
    page(projectId: string, before: string | null, limit: number): ActivityView[] {
      return db
        .select({
          id: activity.id,
          action: activity.action,
          actorName: users.name,
          subject: activity.subject,
          detail: activity.detail,
          createdAt: activity.createdAt,
        })
        .from(activity)
        .leftJoin(users, eq(users.id, activity.actorId))
        .where(and(eq(activity.projectId, projectId), before ? lt(activity.id, before) : undefined))
        .orderBy(desc(activity.id))
        .limit(limit)
        .all();
    },
  };
}
export type ActivityRepository = ReturnType<typeof createActivityRepository>;
