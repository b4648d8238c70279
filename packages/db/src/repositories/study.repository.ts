import { and, eq, gte, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../connection';
import { newId, now } from '../ids';
import { documents, studies, studyAttributes } from '../schema';
import { CONSENSUS } from './analysis-scope';
import { foldCase, sortKey } from '@kodbok/core';

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

/** A study with what the list and the workspace header show (the contract's Study). */
export interface StudyView extends Omit<StudyRow, 'authors' | 'createdAt'> {
  authors: string[];
  attributes: Record<string, string>;
  documents: Array<{ id: string; kind: 'abstract' | 'text'; length: number }>;
  highlights: number;
  myHighlights: number;
}

/**
 * A study (alias `s`) as the contract's JSON object, built by SQLite: its attributes, documents
 * and counts each from an index (documents_study_idx covers the summaries; document_counts holds
 * the counts). Building the text in SQL is what lets 10,000 studies be listed in about a tenth
 * of a second: no row objects, no serialiser pass (issue 13).
 */
function studyJson({ userId, coderIds }: Counting): SQL {
  const counted =
    coderIds === null
      ? sql`dc.coder_id <> ${CONSENSUS}`
      : sql`dc.coder_id IN (SELECT value FROM json_each(${JSON.stringify(coderIds)}))`;
  const count = (
    which: SQL,
  ) => sql`(SELECT coalesce(sum(CASE WHEN ${which} THEN dc.highlights END), 0)
    FROM documents d JOIN document_counts dc ON dc.document_id = d.id WHERE d.study_id = s.id)`;
  return sql`json_object('id', s.id, 'projectId', s.project_id, 'title', s.title,
    'authors', json(s.authors), 'year', s.year, 'journal', s.journal, 'doi', s.doi,
    'pmid', s.pmid, 'volume', s.volume, 'issue', s.issue, 'pages', s.pages,
    'attributes', json((SELECT json_group_object(a.name, a.value) FROM study_attributes a
      WHERE a.study_id = s.id)),
    'documents', json((SELECT json_group_array(json_object('id', d.id, 'kind', d.kind, 'length', d.length))
      FROM (SELECT id, kind, length FROM documents WHERE study_id = s.id ORDER BY created_at, id) d)),
    'highlights', ${count(counted)}, 'myHighlights', ${count(sql`dc.coder_id = ${userId}`)})`;
}

/** What duplicate detection compares of a study. */
const DUPLICATE_KEYS = {
  id: studies.id,
  title: studies.title,
  year: studies.year,
  doi: studies.doi,
  pmid: studies.pmid,
};

export function createStudyRepository(db: Db) {
  // Every opened document starts here (the coding hot path).
  const documentById = db
    .select()
    .from(documents)
    .where(eq(documents.id, sql.placeholder('id')))
    .prepare();
  return {
    /**
     * The project's studies by title, searched by `q` (see `searchCondition`): a JSON array of
     * StudyView as UTF-8 bytes, to be sent as they are. As a blob the text never becomes a
     * JavaScript string (at 10,000 studies, 5 MB that would be copied twice more, issue 13).
     */
    listJson(projectId: string, counting: Counting, q?: string): Buffer {
      const search = q ? searchCondition(q) : undefined;
      // The inner query walks studies_title_order_idx (migration 0012) in order; the aggregate
      // keeps the order it is fed.
      return db.get<{
        list: Buffer;
      }>(sql`SELECT CAST(json_group_array(${studyJson(counting)}) AS BLOB) AS list
        FROM (SELECT * FROM ${studies} WHERE ${and(eq(studies.projectId, projectId), search)}
              ORDER BY ${studies.titleKey}, ${studies.title}) s`)!.list;
    },
    find(id: string, counting: Counting): StudyView | undefined {
      const row = db.get<{ study: string }>(
        sql`SELECT ${studyJson(counting)} AS study FROM studies s WHERE s.id = ${id}`,
      );
      return row ? (JSON.parse(row.study) as StudyView) : undefined;
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
          ...orderKeys(input),
          authors: JSON.stringify(input.authors),
        })
        .returning()
        .get();
    },
    update(id: string, patch: Partial<StudyInput>): void {
      const { authors, ...rest } = patch;
      const set = {
        ...rest,
        ...orderKeys(patch),
        ...(authors ? { authors: JSON.stringify(authors) } : {}),
      };
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
      return db.select(DUPLICATE_KEYS).from(studies).where(eq(studies.projectId, projectId)).all();
    },
    /**
     * Creates many studies with their abstracts and attributes; their ids, in order. Call inside
     * a transaction.
     */
    insertMany(projectId: string, items: NewStudy[]): string[] {
      const insert = studyInserter(db, projectId, projectId);
      return items.map(insert);
    },
    /**
     * A function that creates one study with its abstract and attributes, and returns its id.
     * Prepared statements run once per row: for 10,000 studies that is faster and allocates far
     * less than building multi-row statements, which keeps an import's memory flat. An import
     * calls it slice by slice, each slice in a transaction of its own, with the studies in its
     * staging project and their documents already in the target project (docs/decisions/019).
     */
    inserter(projectId: string, documentsProjectId = projectId): (s: NewStudy) => string {
      return studyInserter(db, projectId, documentsProjectId);
    },
    /**
     * A function that fills an existing study from an import record, as "update" asks: the
     * fields the record has (not null, authors not empty) replace the study's, its attributes
     * merge, and its abstract is added only if the study has no document (coded text never
     * changes). Prepared once: an import may update 10,000 studies in the transaction that
     * publishes it, where a statement built per call cost about 1 ms a study.
     */
    filler(projectId: string): (studyId: string, s: NewStudy) => void {
      return studyFiller(db, projectId);
    },
    /** Duplicate keys of the project's studies created at `since` or later. */
    keysSince(projectId: string, since: string) {
      return db
        .select(DUPLICATE_KEYS)
        .from(studies)
        .where(and(eq(studies.projectId, projectId), gte(studies.createdAt, since)))
        .all();
    },
    /**
     * Moves every study of one project to another; the number moved. Their attributes hang on
     * the study and move with it; an import's documents were written with the target's id
     * already (docs/decisions/019), and new studies have no coding yet.
     */
    moveAll(fromProjectId: string, toProjectId: string): number {
      return db
        .update(studies)
        .set({ projectId: toProjectId })
        .where(eq(studies.projectId, fromProjectId))
        .run().changes;
    },
    /** Deletes up to `limit` studies of the project (with what hangs on them); how many went. */
    deleteSome(projectId: string, limit: number): number {
      return db.run(sql`DELETE FROM studies WHERE id IN
        (SELECT id FROM studies WHERE project_id = ${projectId} LIMIT ${limit})`).changes;
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
      return documentById.get({ id });
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

function studyInserter(
  db: Db,
  projectId: string,
  documentsProjectId: string,
): (s: NewStudy) => string {
  const client = db.$client;
  const study = client.prepare(
    `insert into studies (id, project_id, title, authors, year, journal, doi, pmid, volume, issue, pages, created_at, title_key, author_key)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const document = client.prepare(
    `insert into documents (id, study_id, project_id, kind, text, length, created_at)
     values (?, ?, ?, 'abstract', ?, ?, ?)`,
  );
  const attribute = client.prepare(
    'insert into study_attributes (study_id, name, value) values (?, ?, ?)',
  );
  const createdAt = now();
  return (s) => {
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
      sortKey(s.title),
      sortKey(s.authors[0] ?? null),
    );
    if (s.abstract)
      document.run(newId(), id, documentsProjectId, s.abstract, s.abstract.length, createdAt);
    for (const [name, value] of Object.entries(s.attributes)) attribute.run(id, name, value);
    return id;
  };
}

function studyFiller(db: Db, projectId: string): (studyId: string, s: NewStudy) => void {
  const client = db.$client;
  const study = client.prepare(
    `UPDATE studies SET title = @title, title_key = @titleKey,
       authors = coalesce(@authors, authors),
       author_key = CASE WHEN @authors IS NULL THEN author_key ELSE @authorKey END,
       year = coalesce(@year, year), journal = coalesce(@journal, journal), doi = coalesce(@doi, doi),
       pmid = coalesce(@pmid, pmid), volume = coalesce(@volume, volume),
       issue = coalesce(@issue, issue), pages = coalesce(@pages, pages)
     WHERE id = @id`,
  );
  const attribute = client.prepare(
    `INSERT INTO study_attributes (study_id, name, value) VALUES (?, ?, ?)
     ON CONFLICT (study_id, name) DO UPDATE SET value = excluded.value`,
  );
  const hasDocument = client.prepare('SELECT 1 FROM documents WHERE study_id = ? LIMIT 1');
  const document = client.prepare(
    `INSERT INTO documents (id, study_id, project_id, kind, text, length, created_at)
     VALUES (?, ?, ?, 'abstract', ?, ?, ?)`,
  );
  return (id, s) => {
    const authors = s.authors.length > 0 ? s.authors : null;
    study.run({
      id,
      title: s.title,
      titleKey: sortKey(s.title),
      authors: authors && JSON.stringify(authors),
      authorKey: authors && sortKey(authors[0] ?? null),
      year: s.year,
      journal: s.journal,
      doi: s.doi,
      pmid: s.pmid ?? null,
      volume: s.volume ?? null,
      issue: s.issue ?? null,
      pages: s.pages ?? null,
    });
    for (const [name, value] of Object.entries(s.attributes)) attribute.run(id, name, value);
    if (s.abstract && !hasDocument.get(id))
      document.run(newId(), id, projectId, s.abstract, s.abstract.length, now());
  };
}

/**
 * The sort keys of the fields given (migration 0012): the title's, and the first author's, null
 * for a study without authors, which sorts first, as SQL sorts a missing value.
 */
function orderKeys(fields: Partial<Pick<StudyInput, 'title' | 'authors'>>) {
  return {
    ...(fields.title === undefined ? {} : { titleKey: sortKey(fields.title)! }),
    ...(fields.authors === undefined ? {} : { authorKey: sortKey(fields.authors[0] ?? null) }),
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
