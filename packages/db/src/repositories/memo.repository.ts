import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../connection';
import { newId, now } from '../ids';
import { codes, documents, memos, projectMembers, studies, users } from '../schema';

/** Which of the project, a study, a document or a code a memo is about. */
export type MemoTarget =
  | { kind: 'project' }
  | { kind: 'study'; id: string }
  | { kind: 'document'; id: string }
  | { kind: 'code'; id: string };

export interface MemoRow {
  id: string;
  target: string;
  studyId: string | null;
  documentId: string | null;
  codeId: string | null;
  /** The study's title, "<kind> of <study title>", the code's name, or "" for the project. */
  targetLabel: string;
  /** The study of a study or document memo. */
  ofStudyId: string | null;
  userId: string;
  userName: string;
  text: string;
  createdAt: string;
  updatedAt: string;
}

/** The `target` column: "project", or "<kind>:<id>". */
export const targetKey = (t: MemoTarget) =>
  t.kind === 'project' ? 'project' : `${t.kind}:${t.id}`;

/** The target's own column, through which the memo is deleted with it. */
function targetColumns(t: MemoTarget) {
  return {
    studyId: t.kind === 'study' ? t.id : null,
    documentId: t.kind === 'document' ? t.id : null,
    codeId: t.kind === 'code' ? t.id : null,
  };
}

const targetStudy = alias(studies, 'target_study');
const documentStudy = alias(studies, 'document_study');
const columns = {
  id: memos.id,
  target: memos.target,
  studyId: memos.studyId,
  documentId: memos.documentId,
  codeId: memos.codeId,
  targetLabel: sql<string>`coalesce(${targetStudy.title},
    ${documents.kind} || ' of ' || ${documentStudy.title}, ${codes.name}, '')`,
  ofStudyId: sql<string | null>`coalesce(${memos.studyId}, ${documents.studyId})`,
  userId: memos.userId,
  userName: users.name,
  text: memos.text,
  createdAt: memos.createdAt,
  updatedAt: memos.updatedAt,
};

/** Members' memos on the project, its studies, documents and codes (one per author and target). */
export function createMemoRepository(db: Db) {
  /**
   * Whose memos a reader sees: `authors` (null: everyone's) and, always, the project's owners and
   * supervisors, whose memos guide the coding rather than take part in it.
   */
  const readableBy = (projectId: string, authors: readonly string[] | null) =>
    authors === null
      ? undefined
      : or(
          inArray(memos.userId, [...authors]),
          inArray(
            memos.userId,
            db
              .select({ id: projectMembers.userId })
              .from(projectMembers)
              .where(
                and(
                  eq(projectMembers.projectId, projectId),
                  inArray(projectMembers.role, ['owner', 'supervisor']),
                ),
              ),
          ),
        );

  /** Memos with their authors' names and what each is about. */
  const selectMemos = () =>
    db
      .select(columns)
      .from(memos)
      .innerJoin(users, eq(users.id, memos.userId))
      .leftJoin(targetStudy, eq(targetStudy.id, memos.studyId))
      .leftJoin(documents, eq(documents.id, memos.documentId))
      .leftJoin(documentStudy, eq(documentStudy.id, documents.studyId))
      .leftJoin(codes, eq(codes.id, memos.codeId));

  return {
    /** The project a study, document or code belongs to; undefined when there is none. */
    projectOf(target: Exclude<MemoTarget, { kind: 'project' }>): string | undefined {
      const query = {
        study: sql`SELECT project_id AS p FROM studies WHERE id = ${target.id}`,
        document: sql`SELECT s.project_id AS p FROM documents d JOIN studies s ON s.id = d.study_id
          WHERE d.id = ${target.id}`,
        code: sql`SELECT project_id AS p FROM codes WHERE id = ${target.id}`,
      }[target.kind];
      return db.get<{ p: string } | undefined>(query)?.p;
    },

    /** The memos on one target that `authors` may read, in the order they were first written. */
    forTarget(projectId: string, target: MemoTarget, authors: readonly string[] | null): MemoRow[] {
      return selectMemos()
        .where(
          and(
            eq(memos.projectId, projectId),
            eq(memos.target, targetKey(target)),
            readableBy(projectId, authors),
          ),
        )
        .orderBy(asc(memos.createdAt), asc(memos.id))
        .all();
    },

    /** Every memo of a project `authors` may read, by target then first written. */
    inProject(projectId: string, authors: readonly string[] | null): MemoRow[] {
      return selectMemos()
        .where(and(eq(memos.projectId, projectId), readableBy(projectId, authors)))
        .orderBy(asc(memos.target), asc(memos.createdAt), asc(memos.id))
        .all();
    },

    /** Writes the user's memo on a target (creating it if need be); returns its id. */
    put(projectId: string, target: MemoTarget, userId: string, text: string): string {
      const at = now();
      const row = db
        .insert(memos)
        .values({
          id: newId(),
          projectId,
          target: targetKey(target),
          ...targetColumns(target),
          userId,
          text,
          createdAt: at,
          updatedAt: at,
        })
        .onConflictDoUpdate({
          target: [memos.projectId, memos.target, memos.userId],
          set: { text, updatedAt: at },
        })
        .returning({ id: memos.id })
        .get();
      return row.id;
    },

    find(id: string): MemoRow | undefined {
      return selectMemos().where(eq(memos.id, id)).get();
    },

    /** Deletes the user's memo on a target; whether there was one. */
    remove(projectId: string, target: MemoTarget, userId: string): boolean {
      return (
        db
          .delete(memos)
          .where(
            and(
              eq(memos.projectId, projectId),
              eq(memos.target, targetKey(target)),
              eq(memos.userId, userId),
            ),
          )
          .run().changes > 0
      );
    },

    /**
     * A code merged into another: its memos go with its highlights. An author who wrote on both
     * keeps one memo holding both texts, the merged code's under its name. Call in a transaction.
     */
    moveCodeMemos(fromCodeId: string, fromName: string, toCodeId: string): void {
      const to = `code:${toCodeId}`;
      db.run(sql`UPDATE memos SET
          text = memos.text || char(10) || char(10) || ${`${fromName}: `} || f.text,
          updated_at = ${now()}
        FROM memos f
        WHERE f.code_id = ${fromCodeId} AND memos.target = ${to}
          AND memos.user_id = f.user_id AND memos.project_id = f.project_id`);
      db.run(sql`DELETE FROM memos WHERE code_id = ${fromCodeId}
        AND EXISTS (SELECT 1 FROM memos t WHERE t.target = ${to} AND t.user_id = memos.user_id
          AND t.project_id = memos.project_id)`);
      db.run(
        sql`UPDATE memos SET code_id = ${toCodeId}, target = ${to} WHERE code_id = ${fromCodeId}`,
      );
    },
  };
}
