import { sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from '../connection';
import type { HighlightRow } from './highlight.repository';
import {
  CONSENSUS,
  codeRow,
  coderCondition,
  coderRowCondition,
  hasStudyFilter,
  json,
  studyCondition,
  totalsCover,
  totalsCoder,
  type AnalysisScope,
} from './analysis-scope';

export interface ExcerptQuery {
  scope: AnalysisScope;
  /** Highlights carrying one of these codes or a descendant; null: every highlight. */
  codeIds: readonly string[] | null;
  /** Every code in codeIds must apply (rolled up), not just one. */
  allCodes?: boolean;
  /** An FTS5 MATCH expression over quotes and memos (built by the service from the user's words). */
  match: string | null;
  limit: number;
  after: ExcerptCursor | null;
}
/**
 * An excerpt as an export reads it: id, document id, coder id, start, end, quote, prefix, suffix
 * ('' both, unless the reader was asked for context), memo, created at, and its code ids joined
 * with commas.
 */
export type ExportRow = [
  id: string,
  documentId: string,
  coderId: string,
  start: number,
  end: number,
  quote: string,
  prefix: string,
  suffix: string,
  memo: string | null,
  createdAt: string,
  codeIds: string | null,
];
/** Keyset position: excerpts run in document order, then by start, then id. */
export interface ExcerptCursor {
  documentId: string;
  start: number;
  id: string;
}
/** A highlight as an excerpt: the highlight's own fields, with its coder and its study's citation. */
export type ExcerptRow = Pick<
  HighlightRow,
  'id' | 'documentId' | 'coderId' | 'start' | 'end' | 'quote' | 'prefix' | 'suffix' | 'memo'
> & {
  studyId: string;
  coderName: string;
  studyTitle: string;
  authors: string;
  year: number | null;
};

/**
 * What reading one of a code's highlights costs against one entry of the walk in page order
 * (a lookup by key and every test of the query, against the next entry of an index): about
 * ten, measured at a million highlights.
 */
const CANDIDATE_COST = 10;

/** Index entries a page may read on the API thread (`quickTotal`). */
const QUICK_ENTRIES = 2_000;

/** Compiles drizzle `sql` for the export reads, which take raw rows straight from better-sqlite3. */
const dialect = new SQLiteSyncDialect();

/**
 * The project's highlights in the order excerpts are read: its documents by id, then each one's
 * highlights by start (highlights_document_idx), so that a page is found by walking documents,
 * not by a (project, document) index every highlight would have to write (decision 022). CROSS
 * JOIN and INDEXED BY keep SQLite on that walk when a coder filter would tempt it to read the
 * coder's highlights of the whole project and sort them.
 */
const inDocumentOrder = sql`documents d
  CROSS JOIN highlights h INDEXED BY highlights_document_idx ON h.document_id = d.id`;

/**
 * After the keyset position (document, start, id): the document bounds the walk over documents,
 * and within the cursor's own document the start and id do.
 */
const afterCursor = (documentId: SQL, start: SQL, id: SQL) =>
  sql`d.id >= ${documentId} AND (d.id > ${documentId} OR (h.start, h.id) > (${start}, ${id}))`;

/**
 * The excerpts a query selects (on aliases h, the highlight, and d, its document); without the
 * test of the codes when `codesTested` (the rows come from the codes already).
 */
function where(q: ExcerptQuery, codesTested = false): SQL {
  const parts: SQL[] = [
    sql`d.project_id = ${q.scope.projectId}`,
    sql`h.project_id = ${q.scope.projectId}`,
    coderCondition(q.scope, sql`h.coder_id`),
    studyCondition(q.scope, sql`d.study_id`),
  ];
  const carries = (ids: readonly string[]) => sql`EXISTS (SELECT 1 FROM highlight_codes hc
      JOIN code_closure cc ON cc.descendant_id = hc.code_id
      WHERE hc.highlight_id = h.id AND cc.ancestor_id IN (SELECT value FROM json_each(${json(ids)})))`;
  if (q.codeIds && !codesTested) {
    if (q.allCodes) for (const id of q.codeIds) parts.push(carries([id]));
    else parts.push(carries(q.codeIds));
  }
  // SQLite-only: FTS5 over the highlights' quotes and memos (external-content index on rowid).
  if (q.match) {
    parts.push(
      sql`h.rowid IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ${scopedMatch(q, q.match)})`,
    );
  }
  return sql.join(parts, sql` AND `);
}

/** A project's or a coder's token in the search index's scope column (migration 0015). */
const scopeToken = (kind: 'p' | 'c', id: string) => kind + id.replaceAll('-', '');

/**
 * The user's expression held to quotes and memos, in the scope's project and among its coders:
 * the index alone then answers which highlights of the project match, and how many.
 */
function scopedMatch(q: ExcerptQuery, match: string): string {
  const coders = q.scope.coderIds;
  const whose =
    coders === null
      ? `NOT scope : ${scopeToken('c', CONSENSUS)}`
      : coders.length > 0
        ? `AND scope : (${coders.map((id) => scopeToken('c', id)).join(' OR ')})`
        : '';
  return `{quote memo} : (${match}) AND scope : ${scopeToken('p', q.scope.projectId)} ${whose}`;
}

export function createExcerptRepository(db: Db) {
  /**
   * The rowids of highlights a count or a sparse page must look at, each once: those carrying
   * one of `codes`, else those the search matches. The rest of the query is tested on each:
   * walking the project's million highlights with a codes test on each took 2–3 s for two
   * themes' 100,000, or a theme and a code's 4,700.
   */
  function candidates(q: ExcerptQuery, codes: readonly string[] | null): SQL {
    if (codes) {
      return sql`(SELECT DISTINCT h.rowid AS rowid FROM code_closure cc
        JOIN highlight_codes hc ON hc.code_id = cc.descendant_id
        JOIN highlights h ON h.id = hc.highlight_id
        WHERE cc.ancestor_id IN (SELECT value FROM json_each(${json(codes)})))`;
    }
    // Without codes or a search the total is summed from the counts (summedTotal).
    if (!q.match) throw new Error('excerpt candidates need codes or a search');
    return sql`(SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ${scopedMatch(q, q.match)})`;
  }

  /**
   * The codes whose highlights are the candidates: all of them, or for "all of them" the one
   * the fewest highlights carry; and how many highlights that is (rolled up, every coder).
   */
  function drivingCodes(q: ExcerptQuery & { codeIds: readonly string[] }) {
    const carried = new Map(
      db
        .all<{ codeId: string; n: number }>(
          sql`SELECT c.id AS codeId, t.highlights AS n FROM codes c
          JOIN analysis_totals t ON t.code = c.rowid AND t.coder = ${totalsCoder(null)}
          WHERE c.id IN (SELECT value FROM json_each(${json(q.codeIds)}))`,
        )
        .map((r) => [r.codeId, r.n]),
    );
    const n = (id: string) => carried.get(id) ?? 0;
    if (!q.allCodes)
      return { codes: q.codeIds, highlights: q.codeIds.reduce((m, id) => m + n(id), 0) };
    const rarest = [...q.codeIds].sort((a, b) => n(a) - n(b))[0]!;
    return { codes: [rarest], highlights: n(rarest) };
  }

  /**
   * Whether a page is found sooner among `highlights` candidates than by the walk in page order,
   * which reads about limit × (the project's highlights ÷ the total) entries.
   */
  function sparse(q: ExcerptQuery, total: number, highlights: number): boolean {
    const everyone = { ...q.scope, coderIds: null, studyAttributes: [], studyIds: null };
    const all = maintainedTotal({ ...q, scope: everyone, codeIds: null, match: null }) ?? 0;
    return highlights * CANDIDATE_COST < (q.limit * all) / total;
  }

  /**
   * The maintained tables already know the total for the common cases (no study filter; every
   * code, or one code with all coders or one; or a search of every code): no count over a
   * million rows.
   */
  function maintainedTotal(q: ExcerptQuery): number | null {
    if (hasStudyFilter(q.scope)) return null;
    // A search in the whole project: the index counts its own matches (no highlight is read).
    if (q.match) {
      if (q.codeIds !== null || q.scope.coderIds?.length === 0) return null;
      return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM highlights_fts
        WHERE highlights_fts MATCH ${scopedMatch(q, q.match)}`)!.n;
    }
    const coders = coderCondition(q.scope, sql`coder_id`);
    if (q.codeIds === null) {
      return (
        db.get<{ n: number | null }>(sql`SELECT sum(highlights) AS n FROM highlight_counts
        WHERE project_id = ${q.scope.projectId} AND ${coders}`)!.n ?? 0
      );
    }
    if (q.codeIds.length !== 1 || !totalsCover(q.scope)) return null;
    return (
      db.get<{ n: number }>(sql`SELECT highlights AS n FROM analysis_totals
      WHERE code = ${codeRow(q.codeIds[0]!)}
        AND coder = ${totalsCoder(q.scope.coderIds)}`)?.n ?? 0
    );
  }

  /**
   * The total summed from the rolled-up counts for any coders and studies, where the maintained
   * totals hold none: every highlight (the documents' counts of each coder), or those of one
   * code (its counts by study, document and coder; a highlight with two of its sub-codes is
   * counted once there too). Tens of milliseconds where counting the highlights themselves took
   * one to three seconds at a million (a country's studies: 333,000 highlights). Several codes
   * or a search are counted from the highlights: a highlight may carry more than one of them.
   */
  function summedTotal(q: ExcerptQuery): number | null {
    if (q.match) return null;
    if (q.codeIds === null) {
      return (
        db.get<{ n: number | null }>(sql`SELECT sum(dc.highlights) AS n
        FROM documents d JOIN document_counts dc ON dc.document_id = d.id
        WHERE d.project_id = ${q.scope.projectId} AND ${studyCondition(q.scope, sql`d.study_id`)}
          AND ${coderCondition(q.scope, sql`dc.coder_id`)}`)!.n ?? 0
      );
    }
    if (q.codeIds.length !== 1) return null;
    return (
      db.get<{ n: number | null }>(sql`SELECT sum(highlights) AS n FROM analysis_counts
      WHERE code = ${codeRow(q.codeIds[0]!)} AND ${studyCondition(q.scope, sql`study`, 'rowid')}
        AND ${coderRowCondition(q.scope, sql`coder`)}`)!.n ?? 0
    );
  }

  return {
    /**
     * The total of a page quick enough for the API thread (decision 018), null for any other: the
     * total is kept in a maintained table, and the excerpts are dense enough in the page's order
     * (the project's highlights by document) that finding a page reads at most about 2,000 index
     * entries, a few milliseconds. A sparse code (0.5% of a million highlights: 10,000 entries,
     * 20–70 ms), a filter whose total must be counted, or a search goes to the read worker.
     */
    quickTotal(q: ExcerptQuery): number | null {
      if (q.match !== null) return null;
      const total = maintainedTotal(q);
      if (total === null) return null;
      const inScope = q.codeIds === null ? total : maintainedTotal({ ...q, codeIds: null });
      return inScope !== null && q.limit * inScope <= QUICK_ENTRIES * total ? total : null;
    },
    /**
     * One page of excerpts. Found by walking the project's highlights in the page's order while
     * they are dense enough; when `total` says they are sparse (a co-occurrence cell of 179
     * highlights: the walk read most of the project's million to find them, 0.43 s), by sorting
     * those of their codes instead (39 ms).
     */
    page(q: ExcerptQuery, total?: number): ExcerptRow[] {
      const after = q.after
        ? sql`AND ${afterCursor(sql`${q.after.documentId}`, sql`${q.after.start}`, sql`${q.after.id}`)}`
        : sql``;
      const columns = sql`h.id, h.document_id AS documentId, d.study_id AS studyId,
          h.coder_id AS coderId, u.name AS coderName, h.start, h."end" AS "end", h.quote, h.prefix,
          h.suffix, h.memo, s.title AS studyTitle, s.authors, s.year`;
      const driving = q.codeIds && total ? drivingCodes({ ...q, codeIds: q.codeIds }) : null;
      const from =
        driving && sparse(q, total!, driving.highlights)
          ? sql`${candidates(q, driving.codes)} x CROSS JOIN highlights h ON h.rowid = x.rowid
            CROSS JOIN documents d ON d.id = h.document_id`
          : inDocumentOrder;
      return db.all<ExcerptRow>(sql`SELECT ${columns}
        FROM ${from}
        JOIN studies s ON s.id = d.study_id
        JOIN users u ON u.id = h.coder_id
        WHERE ${where(q)} ${after}
        ORDER BY d.id, h.start, h.id
        LIMIT ${q.limit}`);
    },
    /**
     * Reads the excerpts of an export page by page, keyset-paged in the same order as page(),
     * as raw rows (no object per row: a million of them stream through here). One statement is
     * prepared for the whole export: a statement per page leaves a native handle per page for
     * the garbage collector, and the heap grew by 100 MB over a million rows. The document's
     * study and kind, the coder's name and the study's citation are looked up once per export,
     * not joined per row. `memosOnly` keeps highlights that have a memo.
     */
    exportReader(
      q: Omit<ExcerptQuery, 'limit' | 'after'> & { memosOnly?: boolean; context?: boolean },
    ): (after: ExcerptCursor | null, limit: number) => ExportRow[] {
      const memos = q.memosOnly ? sql`AND trim(coalesce(h.memo, '')) <> ''` : sql``;
      // Without context the prefix and suffix are '' (two strings a row fewer to make).
      const context = q.context === false ? sql`'', ''` : sql`h.prefix, h.suffix`;
      const query = dialect.sqlToQuery(sql`SELECT h.id, h.document_id, h.coder_id, h.start,
          h."end", h.quote, ${context}, h.memo, h.created_at,
          (SELECT group_concat(code_id) FROM highlight_codes WHERE highlight_id = h.id)
        FROM ${inDocumentOrder}
        WHERE ${where({ ...q, limit: 0, after: null })} ${memos}
          AND ${afterCursor(sql.raw('?'), sql.raw('?'), sql.raw('?'))}
        ORDER BY d.id, h.start, h.id
        LIMIT ${sql.raw('?')}`);
      const statement = db.$client.prepare<unknown[], ExportRow>(query.sql).raw();
      // The keyset (its document twice) and the limit are the statement's last parameters; ''
      // sorts before every id.
      return (after, limit) =>
        statement.all(
          ...query.params,
          after?.documentId ?? '',
          after?.documentId ?? '',
          after?.start ?? -1,
          after?.id ?? '',
          limit,
        );
    },
    /**
     * The total when the maintained tables or a sum of the counts give it (tens of ms at most),
     * else null: it must be counted highlight by highlight (by `total`, or from the read
     * worker's copy of the highlights).
     */
    knownTotal(q: ExcerptQuery): number | null {
      return maintainedTotal(q) ?? summedTotal(q);
    },
    /** The rowids of the highlights a search matches in the scope's project, among its coders. */
    matches(q: ExcerptQuery & { match: string }): IterableIterator<number> {
      const query = dialect.sqlToQuery(
        sql`SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ${scopedMatch(q, q.match)}`,
      );
      return db.$client
        .prepare<unknown[], number>(query.sql)
        .pluck()
        .iterate(...query.params);
    },
    total(q: ExcerptQuery): number {
      const known = maintainedTotal(q) ?? summedTotal(q);
      if (known !== null) return known;
      const codes = q.codeIds && drivingCodes({ ...q, codeIds: q.codeIds }).codes;
      return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${candidates(q, codes)} x
        CROSS JOIN highlights h ON h.rowid = x.rowid CROSS JOIN documents d ON d.id = h.document_id
        WHERE ${where(q, q.codeIds !== null && (!q.allCodes || q.codeIds.length === 1))}`)!.n;
    },
    codesOf(highlightIds: readonly string[]) {
      return db.all<{ highlightId: string; codeId: string }>(sql`SELECT highlight_id AS highlightId,
        code_id AS codeId FROM highlight_codes
        WHERE highlight_id IN (SELECT value FROM json_each(${json(highlightIds)}))`);
    },
    /**
     * SQLite-only: documents of the project whose text matches an FTS5 expression. Listed by
     * their study's project: an import being stored has documents that name the project before
     * their studies are moved into it (docs/decisions/019).
     */
    searchDocuments(projectId: string, match: string, limit: number) {
      return db.all<{ documentId: string; studyId: string; studyTitle: string; text: string }>(sql`
        SELECT d.id AS documentId, d.study_id AS studyId, s.title AS studyTitle, d.text
        FROM documents_fts f JOIN documents d ON d.rowid = f.rowid JOIN studies s ON s.id = d.study_id
        WHERE documents_fts MATCH ${match} AND s.project_id = ${projectId}
        ORDER BY f.rank LIMIT ${limit}`);
    },
    /** After a VACUUM (which may renumber rowids) the external-content indexes must be rebuilt. */
    rebuildSearchIndexes(): void {
      db.run(sql`INSERT INTO highlights_fts (highlights_fts) VALUES ('rebuild')`);
      db.run(sql`INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')`);
    },
  };
}
export type ExcerptRepository = ReturnType<typeof createExcerptRepository>;
