import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../connection';
import { now } from '../ids';
import { assignments, studies } from '../schema';

export interface AssignmentView {
  studyId: string;
  userId: string;
  assignedAt: string;
  doneAt: string | null;
  highlights: number;
}

/** Studies given to coders, with how much of each the coder has coded. */
export function createAssignmentRepository(db: Db) {
  // Per assignment, the coder's highlights in the study: documents by study, then the
  // (document, start, coder) index, so it costs the study's highlights, not the project's.
  const highlights = sql<number>`(SELECT count(*) FROM documents d
    JOIN highlights h ON h.document_id = d.id
    WHERE d.study_id = ${assignments.studyId} AND h.coder_id = ${assignments.userId})`;
  const columns = {
    studyId: assignments.studyId,
    userId: assignments.userId,
    assignedAt: assignments.assignedAt,
    doneAt: assignments.doneAt,
    highlights,
  };
  return {
    /** A project's assignments (of one user when `userId` is given), in study order. */
    list(projectId: string, userId: string | null): AssignmentView[] {
      return db
        .select(columns)
        .from(assignments)
        .innerJoin(studies, eq(studies.id, assignments.studyId))
        .where(
          and(
            eq(assignments.projectId, projectId),
            userId === null ? undefined : eq(assignments.userId, userId),
          ),
        )
        .orderBy(studies.titleKey, studies.id, assignments.userId)
        .all();
    },
    find(studyId: string, userId: string): AssignmentView | undefined {
      return db
        .select(columns)
        .from(assignments)
        .where(and(eq(assignments.studyId, studyId), eq(assignments.userId, userId)))
        .get();
    },
    /** Adds the pairs not assigned yet; returns how many were new. Call inside a transaction. */
    insertMany(projectId: string, pairs: ReadonlyArray<readonly [string, string]>): number {
      const assignedAt = now();
      let created = 0;
      for (const [studyId, userId] of pairs) {
        created += db
          .insert(assignments)
          .values({ projectId, studyId, userId, assignedAt })
          .onConflictDoNothing()
          .run().changes;
      }
      return created;
    },
    delete(studyId: string, userId: string): boolean {
      return (
        db
          .delete(assignments)
          .where(and(eq(assignments.studyId, studyId), eq(assignments.userId, userId)))
          .run().changes > 0
      );
    },
    setDone(studyId: string, userId: string, done: boolean): void {
      db.update(assignments)
        .set({ doneAt: done ? now() : null })
        .where(and(eq(assignments.studyId, studyId), eq(assignments.userId, userId)))
        .run();
    },
  };
}
export type AssignmentRepository = ReturnType<typeof createAssignmentRepository>;
