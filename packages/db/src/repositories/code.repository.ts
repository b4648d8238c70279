import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../connection';
import { newId, now } from '../ids';
import { codes, highlightCodes } from '../schema';
import { CONSENSUS } from './analysis-scope';

export type CodeRow = typeof codes.$inferSelect;
export type CodeView = Omit<CodeRow, 'keywords' | 'createdAt'> & {
  keywords: string[];
  highlightCount: number;
};

export interface CodeInput {
  name: string;
  parentId: string | null;
  color: string;
  description: string;
  keywords: string[];
  position: number;
}

/**
 * How many of the codes listed (a JSON array) are codes of the project. The unary + keeps SQLite
 * from walking the project's codes by the project index (300 rows a call at review scale, 12% of
 * the API thread under a stream of highlights): each listed id is one primary-key search.
 */
export const CODES_IN_PROJECT = `SELECT count(*) AS n FROM codes
  WHERE id IN (SELECT value FROM json_each(@ids)) AND +project_id = @projectId`;

export function createCodeRepository(db: Db) {
  const highlightCount = sql<number>`(select count(*) from ${highlightCodes} where ${highlightCodes.codeId} = ${codes.id})`;
  const toView = (r: CodeRow & { highlightCount: number }): CodeView => {
    const { createdAt: _createdAt, keywords, ...rest } = r;
    return { ...rest, keywords: JSON.parse(keywords) as string[] };
  };
  // Prepared once: every highlight write checks its codes through this, twice.
  const countInProject = db.$client.prepare<{ projectId: string; ids: string }, { n: number }>(
    CODES_IN_PROJECT,
  );
  /** The codebook with every coder's highlights per code (the consensus's too). */
  const list = (projectId: string): CodeView[] =>
    db
      .select({ ...getColumns(), highlightCount })
      .from(codes)
      .where(eq(codes.projectId, projectId))
      .orderBy(asc(codes.position), asc(codes.name))
      .all()
      .map(toView);
  return {
    list,
    /**
     * The codebook with the highlights of `coderIds` per code (null: every coder but the
     * consensus). A coder's highlights are found through the (project, coder) index, so the cost
     * follows their coding, not the project's.
     */
    listFor(projectId: string, coderIds: readonly string[] | null): CodeView[] {
      const ids = coderIds ?? [CONSENSUS];
      const rows = db.all<{ codeId: string; n: number }>(sql`
        SELECT hc.code_id AS codeId, count(*) AS n FROM highlights h
        JOIN highlight_codes hc ON hc.highlight_id = h.id
        WHERE h.project_id = ${projectId}
          AND h.coder_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))
        GROUP BY hc.code_id`);
      const counted = new Map(rows.map((r) => [r.codeId, r.n]));
      return list(projectId).map((c) => {
        const n = counted.get(c.id) ?? 0;
        return { ...c, highlightCount: coderIds === null ? c.highlightCount - n : n };
      });
    },
    /** The codebook's shape without usage counts (cheap at any number of highlights). */
    tree(
      projectId: string,
    ): Array<{ id: string; parentId: string | null; name: string; position: number }> {
      return db
        .select({
          id: codes.id,
          parentId: codes.parentId,
          name: codes.name,
          position: codes.position,
        })
        .from(codes)
        .where(eq(codes.projectId, projectId))
        .all();
    },
    find(id: string): CodeView | undefined {
      const row = db
        .select({ ...getColumns(), highlightCount })
        .from(codes)
        .where(eq(codes.id, id))
        .get();
      return row ? toView(row) : undefined;
    },
    /** How many of `ids` are codes of `projectId` (to check a highlight's codes in one query). */
    countInProject(projectId: string, ids: string[]): number {
      return countInProject.get({ projectId, ids: JSON.stringify(ids) })?.n ?? 0;
    },
    insert(projectId: string, input: CodeInput): string {
      const id = newId();
      db.insert(codes)
        .values({
          id,
          projectId,
          createdAt: now(),
          ...input,
          keywords: JSON.stringify(input.keywords),
        })
        .run();
      // The closure (analysis roll-ups) learns the new code: itself, and under its parent's ancestors.
      db.run(sql`INSERT INTO code_closure (project_id, ancestor_id, descendant_id)
        SELECT ${projectId}, ${id}, ${id}
        UNION ALL SELECT project_id, ancestor_id, ${id} FROM code_closure WHERE descendant_id = ${input.parentId}`);
      return id;
    },
    update(id: string, patch: Partial<CodeInput>): void {
      const { keywords, ...rest } = patch;
      const set = keywords ? { ...rest, keywords: JSON.stringify(keywords) } : rest;
      if (Object.keys(set).length > 0) db.update(codes).set(set).where(eq(codes.id, id)).run();
    },
    setPositions(ordered: string[]): void {
      ordered.forEach((id, position) =>
        db.update(codes).set({ position }).where(eq(codes.id, id)).run(),
      );
    },
    reparentChildren(fromId: string, toId: string | null): void {
      db.update(codes).set({ parentId: toId }).where(eq(codes.parentId, fromId)).run();
    },
    /**
     * Moves every coding from one code to another. A highlight that already carries the target
     * keeps one link (duplicates collapse).
     */
    moveCodings(fromId: string, toId: string): void {
      db.run(sql`insert or ignore into ${highlightCodes} (highlight_id, code_id)
        select highlight_id, ${toId} from ${highlightCodes} where code_id = ${fromId}`);
      db.delete(highlightCodes).where(eq(highlightCodes.codeId, fromId)).run();
    },
    delete(id: string): void {
      db.delete(codes).where(eq(codes.id, id)).run();
    },
    maxPosition(projectId: string, parentId: string | null): number {
      const where =
        parentId === null
          ? and(eq(codes.projectId, projectId), sql`${codes.parentId} is null`)
          : and(eq(codes.projectId, projectId), eq(codes.parentId, parentId));
      return (
        db
          .select({ m: sql<number | null>`max(${codes.position})` })
          .from(codes)
          .where(where)
          .get()?.m ?? -1
      );
    },
  };
}

function getColumns() {
  return {
    id: codes.id,
    projectId: codes.projectId,
    parentId: codes.parentId,
    name: codes.name,
    color: codes.color,
    description: codes.description,
    keywords: codes.keywords,
    position: codes.position,
    createdAt: codes.createdAt,
  };
}
export type CodeRepository = ReturnType<typeof createCodeRepository>;
