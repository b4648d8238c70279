import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../connection';
import { newId, now } from '../ids';
import { disagreementComments, reconciliations, resolutions, users } from '../schema';
import { CONSENSUS } from './analysis-scope';

export interface ResolutionView {
  id: string;
  documentId: string;
  codeId: string;
  start: number;
  end: number;
  coders: string[];
  accepted: string[];
  userName: string;
  createdAt: string;
}

export interface CommentView {
  id: string;
  codeId: string;
  start: number;
  end: number;
  userName: string;
  body: string;
  createdAt: string;
}

interface Region {
  documentId: string;
  codeId: string;
  start: number;
  end: number;
}

/** The consensus coding's bookkeeping: resolutions, comments on disagreements, reconciled studies. */
export function createConsensusRepository(db: Db) {
  return {
    /**
     * Consensus highlights carrying `codeId` that overlap or touch [start, end): the ones a
     * resolution of that region rewrites. `codes` is how many codes each carries.
     */
    spansNear(r: Region) {
      return db.all<{ id: string; start: number; end: number; codes: number }>(sql`
        SELECT h.id, h.start, h."end" AS "end",
          (SELECT count(*) FROM highlight_codes x WHERE x.highlight_id = h.id) AS codes
        FROM highlights h JOIN highlight_codes hc ON hc.highlight_id = h.id
        WHERE h.document_id = ${r.documentId} AND h.coder_id = ${CONSENSUS}
          AND hc.code_id = ${r.codeId} AND h.start <= ${r.end} AND h."end" >= ${r.start}`);
    },
    insertResolution(
      r: Region & { projectId: string; coders: string[]; accepted: string[]; userId: string },
    ): string {
      const id = newId();
      db.insert(resolutions)
        .values({
          ...r,
          id,
          coders: JSON.stringify(r.coders),
          accepted: JSON.stringify(r.accepted),
          createdAt: now(),
        })
        .run();
      return id;
    },
    /** A document's resolutions, newest first. */
    resolutions(documentId: string): ResolutionView[] {
      return db
        .select({
          id: resolutions.id,
          documentId: resolutions.documentId,
          codeId: resolutions.codeId,
          start: resolutions.start,
          end: resolutions.end,
          coders: resolutions.coders,
          accepted: resolutions.accepted,
          userName: users.name,
          createdAt: resolutions.createdAt,
        })
        .from(resolutions)
        .innerJoin(users, eq(users.id, resolutions.userId))
        .where(eq(resolutions.documentId, documentId))
        .orderBy(desc(resolutions.createdAt), desc(sql`${resolutions}.rowid`))
        .all()
        .map((r) => ({
          ...r,
          coders: JSON.parse(r.coders) as string[],
          accepted: JSON.parse(r.accepted) as string[],
        }));
    },
    insertComment(r: Region & { projectId: string; userId: string; body: string }): string {
      const id = newId();
      db.insert(disagreementComments)
        .values({ ...r, id, createdAt: now() })
        .run();
      return id;
    },
    /** A document's comments on disagreements, oldest first. */
    comments(documentId: string): CommentView[] {
      return db
        .select({
          id: disagreementComments.id,
          codeId: disagreementComments.codeId,
          start: disagreementComments.start,
          end: disagreementComments.end,
          userName: users.name,
          body: disagreementComments.body,
          createdAt: disagreementComments.createdAt,
        })
        .from(disagreementComments)
        .innerJoin(users, eq(users.id, disagreementComments.userId))
        .where(eq(disagreementComments.documentId, documentId))
        .orderBy(asc(disagreementComments.createdAt), asc(sql`${disagreementComments}.rowid`))
        .all();
    },
    /** Reconciled studies of a project: who marked each and when. */
    reconciled(projectId: string) {
      return db
        .select({
          studyId: reconciliations.studyId,
          by: users.name,
          at: reconciliations.reconciledAt,
        })
        .from(reconciliations)
        .innerJoin(users, eq(users.id, reconciliations.userId))
        .where(eq(reconciliations.projectId, projectId))
        .all();
    },
    setReconciled(projectId: string, studyId: string, userId: string | null): void {
      if (userId === null) {
        db.delete(reconciliations).where(eq(reconciliations.studyId, studyId)).run();
        return;
      }
      db.insert(reconciliations)
        .values({ studyId, projectId, userId, reconciledAt: now() })
        .onConflictDoUpdate({
          target: reconciliations.studyId,
          set: { userId, reconciledAt: now() },
        })
        .run();
    },
    reconciliationOf(studyId: string) {
      return db
        .select({ by: users.name, at: reconciliations.reconciledAt })
        .from(reconciliations)
        .innerJoin(users, eq(users.id, reconciliations.userId))
        .where(eq(reconciliations.studyId, studyId))
        .get();
    },
  };
}
export type ConsensusRepository = ReturnType<typeof createConsensusRepository>;
