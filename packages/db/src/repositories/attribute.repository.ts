import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../connection';
import { attributes, studies, studyAttributes } from '../schema';

export type AttributeType = 'text' | 'number' | 'category';

export interface AttributeView {
  name: string;
  type: AttributeType;
  studies: number;
  values: Array<{ value: string; studies: number }>;
}

/** Studies of the project among `ids`, so a bulk change never reaches into another project. */
const inProject = (projectId: string, ids: string[]) =>
  and(eq(studies.projectId, projectId), inArray(studies.id, ids));

export function createAttributeRepository(db: Db) {
  return {
    /**
     * Every attribute of the project with its values in use. Names used by studies but not yet
     * typed (data from before attributes had types) are listed as text.
     */
    list(projectId: string): AttributeView[] {
      const types = db.select().from(attributes).where(eq(attributes.projectId, projectId)).all();
      const counts = db
        .select({
          name: studyAttributes.name,
          value: studyAttributes.value,
          n: sql<number>`count(*)`,
        })
        .from(studyAttributes)
        .innerJoin(studies, eq(studies.id, studyAttributes.studyId))
        .where(eq(studies.projectId, projectId))
        .groupBy(studyAttributes.name, studyAttributes.value)
        .orderBy(desc(sql`count(*)`), sql`kodbok_sortkey(${studyAttributes.value})`)
        .all();
      const byName = new Map<string, AttributeView>(
        types.map((t) => [t.name, { name: t.name, type: t.type, studies: 0, values: [] }]),
      );
      for (const c of counts) {
        const a = byName.get(c.name) ?? {
          name: c.name,
          type: 'text' as const,
          studies: 0,
          values: [],
        };
        a.studies += c.n;
        a.values.push({ value: c.value, studies: c.n });
        byName.set(c.name, a);
      }
      return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
    /** The declared type of each listed attribute. */
    types(projectId: string): Map<string, AttributeType> {
      const rows = db.select().from(attributes).where(eq(attributes.projectId, projectId)).all();
      return new Map(rows.map((r) => [r.name, r.type]));
    },
    typeOf(projectId: string, name: string): AttributeType | undefined {
      return db
        .select({ type: attributes.type })
        .from(attributes)
        .where(and(eq(attributes.projectId, projectId), eq(attributes.name, name)))
        .get()?.type;
    },
    /** Lists attributes that are not listed yet; the types of listed ones stay as they are. */
    ensure(projectId: string, defs: Array<{ name: string; type: AttributeType }>): void {
      if (defs.length === 0) return;
      db.insert(attributes)
        .values(defs.map((d) => ({ projectId, ...d })))
        .onConflictDoNothing()
        .run();
    },
    setType(projectId: string, name: string, type: AttributeType): void {
      db.insert(attributes)
        .values({ projectId, name, type })
        .onConflictDoUpdate({ target: [attributes.projectId, attributes.name], set: { type } })
        .run();
    },
    /** Sets (or with null removes) one attribute on the given studies; returns how many it changed. */
    assign(projectId: string, name: string, studyIds: string[], value: string | null): number {
      const ids = db
        .select({ id: studies.id })
        .from(studies)
        .where(inProject(projectId, studyIds))
        .all()
        .map((r) => r.id);
      if (ids.length === 0) return 0;
      db.delete(studyAttributes)
        .where(and(eq(studyAttributes.name, name), inArray(studyAttributes.studyId, ids)))
        .run();
      if (value !== null) {
        db.insert(studyAttributes)
          .values(ids.map((studyId) => ({ studyId, name, value })))
          .run();
      }
      return ids.length;
    },
    /** Removes the attribute from the project and every study of it. */
    remove(projectId: string, name: string): void {
      const ids = db
        .select({ id: studies.id })
        .from(studies)
        .where(eq(studies.projectId, projectId));
      db.delete(studyAttributes)
        .where(and(eq(studyAttributes.name, name), inArray(studyAttributes.studyId, ids)))
        .run();
      db.delete(attributes)
        .where(and(eq(attributes.projectId, projectId), eq(attributes.name, name)))
        .run();
    },
  };
}
export type AttributeRepository = ReturnType<typeof createAttributeRepository>;
