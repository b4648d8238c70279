import { sql } from 'drizzle-orm';
import type { Db } from '../connection';
import { coderCondition, studyMatch, type AnalysisScope } from './analysis-scope';

export interface ExportStudyRow {
  id: string;
  title: string;
  /** JSON array of author names. */
  authors: string;
  year: number | null;
  doi: string | null;
}
export interface ExportCodeRow {
  id: string;
  parentId: string | null;
  name: string;
  position: number;
  description: string;
  color: string;
  /** JSON array. */
  keywords: string;
}

/**
 * The lookups an export makes once (every study, document, coder and code of a project, a few
 * thousand rows), so the excerpt rows that stream past can be completed without a join per row.
 */
export function createExportRepository(db: Db) {
  return {
    projectName(projectId: string): string | undefined {
      return db.get<{ name: string }>(sql`SELECT name FROM projects WHERE id = ${projectId}`)?.name;
    },
    studies(projectId: string): ExportStudyRow[] {
      return db.all<ExportStudyRow>(sql`SELECT id, title, authors, year, doi FROM studies
        WHERE project_id = ${projectId}`);
    },
    /**
     * Every document's study and kind, through the covering (study, …) index. Found through the
     * project's studies: an import being stored has documents that name the project before their
     * studies are moved into it (docs/decisions/019).
     */
    documents(projectId: string) {
      return db.all<{ id: string; studyId: string; kind: string }>(sql`SELECT id,
        study_id AS studyId, kind FROM documents
        WHERE study_id IN (SELECT id FROM studies WHERE project_id = ${projectId})`);
    },
    /** The names of everyone whose coding the project holds (members past and present, the consensus). */
    coders(projectId: string) {
      return db.all<{ id: string; name: string }>(sql`SELECT u.id, u.name FROM users u
        WHERE u.id IN (SELECT coder_id FROM highlight_counts WHERE project_id = ${projectId})
           OR u.id IN (SELECT user_id FROM project_members WHERE project_id = ${projectId})`);
    },
    codebook(projectId: string): ExportCodeRow[] {
      return db.all<ExportCodeRow>(sql`SELECT id, parent_id AS parentId, name, position,
        description, color, keywords FROM codes WHERE project_id = ${projectId}`);
    },
    /** Every study attribute of the project, by study. */
    attributes(projectId: string) {
      return db.all<{ studyId: string; name: string; value: string }>(sql`SELECT sa.study_id AS
        studyId, sa.name, sa.value FROM study_attributes sa JOIN studies s ON s.id = sa.study_id
        WHERE s.project_id = ${projectId}`);
    },
    /** The texts of some documents (to convert offsets to code points for Web Annotations). */
    documentTexts(documentIds: readonly string[]) {
      return db.all<{ id: string; text: string }>(sql`SELECT id, text FROM documents
        WHERE id IN (SELECT value FROM json_each(${JSON.stringify(documentIds)}))`);
    },
    /**
     * Up to `limit` quotes coded with exactly this code in the scope: a codebook's examples.
     * Read in the code index's order (about the order they were coded) and not sorted, so a
     * code with 50,000 highlights costs as little as a rare one.
     */
    examples(scope: AnalysisScope, codeId: string, limit: number) {
      return db.all<{
        quote: string;
        studyId: string;
        highlightId: string;
        documentId: string;
        studyTitle: string;
        studyYear: number | null;
        firstAuthor: string | null;
      }>(sql`SELECT h.quote, d.study_id AS studyId, h.id AS highlightId, h.document_id AS documentId,
          s.title AS studyTitle, s.year AS studyYear, json_extract(s.authors, '$[0]') AS firstAuthor
        FROM highlight_codes hc JOIN highlights h ON h.id = hc.highlight_id
        JOIN documents d ON d.id = h.document_id
        JOIN studies s ON s.id = d.study_id
        WHERE hc.code_id = ${codeId} AND ${coderCondition(scope, sql`h.coder_id`)}
          AND ${studyMatch(scope, sql`d.study_id`)}
        LIMIT ${limit}`);
    },
  };
}
export type ExportRepository = ReturnType<typeof createExportRepository>;
