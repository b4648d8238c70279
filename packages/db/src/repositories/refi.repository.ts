import { sql } from 'drizzle-orm';
import type { Db } from '../connection';
import { json, studyWhere, type AnalysisScope } from './analysis-scope';

export interface RefiStudyRow {
  id: string;
  title: string;
  /** JSON array of author names. */
  authors: string;
  year: number | null;
  journal: string | null;
  doi: string | null;
  pmid: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
}

export interface RefiHighlightRow {
  id: string;
  documentId: string;
  coderId: string;
  start: number;
  end: number;
  memo: string | null;
  createdAt: string;
  updatedAt: string;
  /** The highlight's code ids joined with commas. */
  codeIds: string;
}

/**
 * What a REFI-QDA export reads (issue 9): a project's studies, documents with their texts,
 * highlights with their codes, the coders' names and the codebook. Runs in the import worker,
 * whose heap the texts leave with.
 */
export function createRefiRepository(db: Db) {
  return {
    /** The studies that pass the scope's study filters, in title order. */
    studies(scope: AnalysisScope): RefiStudyRow[] {
      return db.all<RefiStudyRow>(sql`SELECT s.id, s.title, s.authors, s.year, s.journal, s.doi,
        s.pmid, s.volume, s.issue, s.pages FROM studies s WHERE ${studyWhere(scope)}
        ORDER BY s.title_key, s.title, s.id`);
    },
    attributes(studyIds: readonly string[]) {
      return db.all<{ studyId: string; name: string; value: string }>(sql`SELECT study_id AS
        studyId, name, value FROM study_attributes
        WHERE study_id IN (SELECT value FROM json_each(${json(studyIds)})) ORDER BY name`);
    },
    documents(studyIds: readonly string[]) {
      return db.all<{ id: string; studyId: string; kind: 'abstract' | 'text'; text: string }>(sql`
        SELECT id, study_id AS studyId, kind, text FROM documents
        WHERE study_id IN (SELECT value FROM json_each(${json(studyIds)}))
        ORDER BY created_at, id`);
    },
    /**
     * The highlights of these documents by `coderIds` (null: everyone's, the consensus's too),
     * each with its code ids, in document order.
     */
    highlights(
      documentIds: readonly string[],
      coderIds: readonly string[] | null,
    ): RefiHighlightRow[] {
      const coders =
        coderIds === null
          ? sql`1`
          : sql`h.coder_id IN (SELECT value FROM json_each(${json(coderIds)}))`;
      return db.all<RefiHighlightRow>(sql`SELECT h.id, h.document_id AS documentId,
        h.coder_id AS coderId, h.start, h."end", h.memo, h.created_at AS createdAt,
        h.updated_at AS updatedAt,
        (SELECT group_concat(hc.code_id) FROM highlight_codes hc WHERE hc.highlight_id = h.id) AS codeIds
        FROM highlights h
        WHERE h.document_id IN (SELECT value FROM json_each(${json(documentIds)})) AND ${coders}
        ORDER BY h.document_id, h.start, h.id`);
    },
    users(ids: readonly string[]) {
      return db.all<{ id: string; name: string }>(sql`SELECT id, name FROM users
        WHERE id IN (SELECT value FROM json_each(${json(ids)}))`);
    },
  };
}
export type RefiRepository = ReturnType<typeof createRefiRepository>;
