import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../connection';
import { newId, now } from '../ids';
import { documents, highlights, studies, studyAttributes } from '../schema';
import { CONSENSUS } from './analysis-scope';
import { foldCase } from '@kodbok/core';

export type StudyRow = typeof studies.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;

export interface StudyInput {
  title: string;
  authors: string[];
  year: number | null;
  journal: string | null;
  doi: string | null;
  pmid?: string | null;
  volume?: string | null;
  issue?: string | null;
  pages?: string | null;
}

/** A study to create in bulk (an import), with its abstract ('' for none) and attributes. */
export interface NewStudy extends StudyInput {
  abstract: string;
  attributes: Record<string, string>;
}

/**
 * Whose highlights a study's counts cover: `highlights` those of `coderIds` (null: every coder
 * but the consensus), `myHighlights` those of `userId`.
 */
export interface Counting {
  userId: string;
  coderIds: readonly string[] | null;
}

/** A study with what the list and the workspace header show. */
export interface StudyView extends Omit<StudyRow, 'authors'> {
  authors: string[];
  attributes: Record<string, string>;
  documents: Array<{ id: string; kind: 'abstract' | 'text'; length: number }>;
  highlights: number;
  myHighlights: number;
}

export function createStudyRepository(db: Db) {
  /**
   * Attaches attributes, documents and highlight counts with one grouped query each. `among`
   * selects the same studies as `rows` in SQL (a subquery, so ten thousand ids are not sent as
   * ten thousand parameters).
   */
  function decorate(
    rows: StudyRow[],
    counting: Counting,
    among: (studyId: SQLiteColumn) => SQL,
  ): StudyView[] {
    const { userId, coderIds } = counting;
    if (rows.length === 0) return [];
    const attrs = db.select().from(studyAttributes).where(among(studyAttributes.studyId)).all();
    const docs = db
      .select({
        id: documents.id,
        studyId: documents.studyId,
        kind: documents.kind,
        length: documents.length,
      })
      .from(documents)
      .where(among(documents.studyId))
      .orderBy(asc(documents.createdAt))
      .all();
    const counts = db
      .select({
        studyId: documents.studyId,
        all: sql<number>`coalesce(sum(${
          coderIds === null
            ? sql`${highlights.coderId} <> ${CONSENSUS}`
            : sql`${highlights.coderId} IN (SELECT value FROM json_each(${JSON.stringify(coderIds)}))`
        }), 0)`,
        mine: sql<number>`coalesce(sum(${highlights.coderId} = ${userId}), 0)`,
      })
      .from(documents)
      .innerJoin(highlights, eq(highlights.documentId, documents.id))
      .where(among(documents.studyId))
      .groupBy(documents.studyId)
      .all();
    const countBy = new Map(counts.map((c) => [c.studyId, c]));
    const attrsBy = groupBy(attrs, (a) => a.studyId);
    const docsBy = groupBy(docs, (d) => d.studyId);
    return rows.map((r) => ({
      ...r,
      authors: JSON.parse(r.authors) as string[],
      attributes: Object.fromEntries((attrsBy.get(r.id) ?? []).map((a) => [a.name, a.value])),
      documents: (docsBy.get(r.id) ?? []).map(({ id, kind, length }) => ({ id, kind, length })),
      highlights: countBy.get(r.id)?.all ?? 0,
      myHighlights: countBy.get(r.id)?.mine ?? 0,
    }));
  }

  return {
    /** The project's studies by title, searched by `q` (see `searchCondition`). */
    list(projectId: string, counting: Counting, q?: string): StudyView[] {
      const search = q ? searchCondition(q) : undefined;
      const where = and(eq(studies.projectId, projectId), search);
      const rows = db
        .select()
        .from(studies)
        .where(where)
        .orderBy(sql`kodbok_sortkey(${studies.title})`, asc(studies.title))
        .all();
      // A search is a scan: its ids are sent back as one JSON parameter rather than searched
      // again in each of decorate's three queries.
      const ids = search && JSON.stringify(rows.map((r) => r.id));
      return decorate(rows, counting, (studyId) =>
        ids
          ? inArray(studyId, sql`(SELECT value FROM json_each(${ids}))`)
          : inArray(studyId, db.select({ id: studies.id }).from(studies).where(where)),
      );
    },
    find(id: string, counting: Counting): StudyView | undefined {
      const row = db.select().from(studies).where(eq(studies.id, id)).get();
      return row ? decorate([row], counting, (studyId) => eq(studyId, id))[0] : undefined;
    },
    projectOf(id: string): string | undefined {
      return db.select({ p: studies.projectId }).from(studies).where(eq(studies.id, id)).get()?.p;
    },
    insert(projectId: string, input: StudyInput): StudyRow {
      return db
        .insert(studies)
        .values({
          id: newId(),
          projectId,
          createdAt: now(),
          ...input,
          authors: JSON.stringify(input.authors),
        })
        .returning()
        .get();
    },
    update(id: string, patch: Partial<StudyInput>): void {
      const { authors, ...rest } = patch;
      const set = authors ? { ...rest, authors: JSON.stringify(authors) } : rest;
      if (Object.keys(set).length > 0) db.update(studies).set(set).where(eq(studies.id, id)).run();
    },
    /** Replaces all attributes of a study. */
    setAttributes(studyId: string, attributes: Record<string, string>): void {
      db.delete(studyAttributes).where(eq(studyAttributes.studyId, studyId)).run();
      const rows = Object.entries(attributes).map(([name, value]) => ({ studyId, name, value }));
      if (rows.length > 0) db.insert(studyAttributes).values(rows).run();
    },
    /** What duplicate detection compares: every study of the project, keys only. */
    keys(projectId: string) {
      return db
        .select({
          id: studies.id,
          title: studies.title,
          year: studies.year,
          doi: studies.doi,
          pmid: studies.pmid,
        })
        .from(studies)
        .where(eq(studies.projectId, projectId))
        .all();
    },
    /**
     * Creates many studies with their abstracts and attributes. Prepared statements run once per
     * row: for 10,000 studies that is faster and allocates far less than building multi-row
     * statements, which keeps an import's memory flat. Call inside a transaction.
     */
    insertMany(projectId: string, items: NewStudy[]): number {
      const client = db.$client;
      const study = client.prepare(
        `insert into studies (id, project_id, title, authors, year, journal, doi, pmid, volume, issue, pages, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const document = client.prepare(
        `insert into documents (id, study_id, project_id, kind, text, length, created_at)
         values (?, ?, ?, 'abstract', ?, ?, ?)`,
      );
      const attribute = client.prepare(
        'insert into study_attributes (study_id, name, value) values (?, ?, ?)',
      );
      const createdAt = now();
      for (const s of items) {
        const id = newId();
        study.run(
          id,
          projectId,
          s.title,
          JSON.stringify(s.authors),
          s.year,
          s.journal,
          s.doi,
          s.pmid ?? null,
          s.volume ?? null,
          s.issue ?? null,
          s.pages ?? null,
          createdAt,
        );
        if (s.abstract)
          document.run(newId(), id, projectId, s.abstract, s.abstract.length, createdAt);
        for (const [name, value] of Object.entries(s.attributes)) attribute.run(id, name, value);
      }
      return items.length;
    },
    /** Sets the given attributes of a study, keeping the others. */
    mergeAttributes(studyId: string, attributes: Record<string, string>): void {
      const rows = Object.entries(attributes).map(([name, value]) => ({ studyId, name, value }));
      if (rows.length === 0) return;
      db.insert(studyAttributes)
        .values(rows)
        .onConflictDoUpdate({
          target: [studyAttributes.studyId, studyAttributes.name],
          set: { value: sql`excluded.value` },
        })
        .run();
    },
    hasDocuments(studyId: string): boolean {
      return !!db
        .select({ id: documents.id })
        .from(documents)
        .where(eq(documents.studyId, studyId))
        .limit(1)
        .get();
    },
    delete(id: string): void {
      db.delete(studies).where(eq(studies.id, id)).run();
    },
    /** Those of `studyIds` that are not studies of the project (unknown, or another project's). */
    notIn(projectId: string, studyIds: readonly string[]): string[] {
      return db
        .all<{ id: string }>(
          sql`SELECT value AS id FROM json_each(${JSON.stringify(studyIds)})
          WHERE value NOT IN (SELECT id FROM studies WHERE project_id = ${projectId})`,
        )
        .map((r) => r.id);
    },
    /** What deleting the studies would take with it: their documents and every coder's highlights. */
    deletionCounts(studyIds: readonly string[]): { documents: number; highlights: number } {
      const ids = JSON.stringify(studyIds);
      return db.get<{ documents: number; highlights: number }>(
        sql`SELECT
          (SELECT count(*) FROM documents WHERE study_id IN (SELECT value FROM json_each(${ids}))) AS documents,
          (SELECT count(*) FROM highlights h JOIN documents d ON d.id = h.document_id
            WHERE d.study_id IN (SELECT value FROM json_each(${ids}))) AS highlights`,
      )!;
    },
    /** Deletes the studies; documents, coding, attributes and assignments go by cascade. */
    deleteMany(studyIds: readonly string[]): number {
      return db
        .delete(studies)
        .where(inArray(studies.id, sql`(SELECT value FROM json_each(${JSON.stringify(studyIds)}))`))
        .run().changes;
    },
    documentById(id: string): DocumentRow | undefined {
      return db.select().from(documents).where(eq(documents.id, id)).get();
    },
    insertDocument(input: {
      studyId: string;
      projectId: string;
      kind: 'abstract' | 'text';
      text: string;
    }): DocumentRow {
      return db
        .insert(documents)
        .values({ id: newId(), createdAt: now(), length: input.text.length, ...input })
        .returning()
        .get();
    },
  };
}

/** A DOI as people paste it: a resolver URL or a `doi:` prefix before the DOI itself. */
const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i;

/** The search's case folding in SQL: core's foldCase, registered on every connection. */
const FOLD = 'kodbok_fold';

/**
 * The words of a search, folded, a "quoted phrase" kept whole. At most 20: a longer query is a
 * pasted paragraph, and each word is one more pass over the authors.
 */
function searchTerms(q: string): string[] {
  const terms = [...q.matchAll(/"([^"]*)"|(\S+)/g)]
    .map((m) => foldCase((m[1] ?? m[2] ?? '').trim().replace(DOI_PREFIX, '')))
    .filter(Boolean);
  return terms.slice(0, 20);
}

/**
 * Every term must occur in the title, an author or the DOI, or be the year or the PMID. A scan,
 * which at 10,000 studies takes tens of milliseconds; an FTS index would be the next step. An
 * ASCII term is matched by LIKE (SQLite folds ASCII case itself, in C); any other by the folding
 * function, which costs a call into JavaScript per value. Authors are matched one by one, not in
 * their JSON text, so a term never spans two authors or matches the JSON punctuation; the JSON
 * text is only a quick first test (not for " and \, which JSON escapes).
 */
function searchCondition(q: string): SQL | undefined {
  const terms = searchTerms(q);
  if (terms.length === 0) return undefined;
  return and(
    ...terms.map((term) => {
      const contains = /^[\x20-\x7e]*$/.test(term)
        ? (column: SQL | SQLiteColumn) => sql`${column} LIKE ${`%${escapeLike(term)}%`} ESCAPE '\\'`
        : (column: SQL | SQLiteColumn) => sql`instr(${sql.raw(FOLD)}(${column}), ${term}) > 0`;
      const eachAuthor = sql`EXISTS (SELECT 1 FROM json_each(${studies.authors}) a WHERE ${contains(sql`a.value`)})`;
      return or(
        contains(studies.title),
        contains(studies.doi),
        /["\\]/.test(term) ? eachAuthor : and(contains(studies.authors), eachAuthor),
        /^\d{4}$/.test(term) ? eq(studies.year, Number(term)) : undefined,
        /^\d{1,9}$/.test(term) ? eq(studies.pmid, term) : undefined,
      );
    }),
  );
}

function escapeLike(s: string) {
  return s.replace(/[%_\\]/g, (c) => `\\${c}`);
}

export type StudyRepository = ReturnType<typeof createStudyRepository>;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
