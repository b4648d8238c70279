import { sql } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../connection';
import { lazy } from './counts.repository';

/** One highlight's coding of one code: [documentId, studyId, coderId, codeId, start, end]. */
export type StudyCodingRow = [string, string, string, string, number, number];

export interface StudyRef {
  id: string;
  title: string;
  authors: string;
  year: number | null;
}

const inList = (ids: readonly string[]) =>
  sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/**
 * The reads behind coder agreement: a page of studies at a time (their documents and the chosen
 * coders' codings through the document index), so a comparison over ten thousand studies is
 * computed in slices without holding the database for long.
 */
export function createAgreementRepository(db: Db) {
  // One statement per number of coders: a literal IN list of the coders is cheaper per row
  // than a json_each lookup, over the few hundred thousand rows of a whole comparison.
  const codingsBy = new Map<number, Statement<unknown[], StudyCodingRow>>();
  const codingsFor = (coders: number) => {
    let statement = codingsBy.get(coders);
    if (!statement) {
      statement = db.$client
        .prepare<unknown[], StudyCodingRow>(
          `SELECT h.document_id, d.study_id, h.coder_id, hc.code_id, h.start, h."end"
           FROM documents d JOIN highlights h ON h.document_id = d.id
           JOIN highlight_codes hc ON hc.highlight_id = h.id
           WHERE d.study_id IN (SELECT value FROM json_each(?))
             AND h.coder_id IN (${Array.from({ length: coders }, () => '?').join(', ')})`,
        )
        .raw();
      codingsBy.set(coders, statement);
    }
    return statement;
  };
  const documentNumbers = lazy(() =>
    db.$client
      .prepare<[string], [number, number, string]>(
        // Through the studies and documents_study_idx, which covers these columns: a
        // document's length lies past its text in the row.
        `SELECT d.rowid, d.length, d.study_id FROM studies s
         JOIN documents d INDEXED BY documents_study_idx ON d.study_id = s.id
         WHERE s.project_id = ?`,
      )
      .raw(),
  );
  return {
    /** The project's studies (all, or those of `studyIds`) in citation order. */
    studies(projectId: string, studyIds: readonly string[] | null): StudyRef[] {
      return db.all<StudyRef>(sql`SELECT id, title, authors, year FROM studies s
        WHERE project_id = ${projectId} ${studyIds ? sql`AND id IN ${inList(studyIds)}` : sql``}
        ORDER BY author_key, year, title_key, id`);
    },
    /** The ids of the project's studies (all, or those of `studyIds`) in citation order. */
    studyIds(projectId: string, studyIds: readonly string[] | null): string[] {
      return db
        .all<{ id: string }>(
          sql`SELECT id FROM studies WHERE project_id = ${projectId}
            ${studyIds ? sql`AND id IN ${inList(studyIds)}` : sql``}
            ORDER BY author_key, year, title_key, id`,
        )
        .map((s) => s.id);
    },
    /**
     * The project's documents as [rowid, length, studyId]: what agreement by number reads of
     * them (the read worker's copy of the highlights knows documents by rowid).
     */
    documentNumbers(projectId: string): Array<[number, number, string]> {
      return documentNumbers().all(projectId);
    },
    /** (study, coder) pairs of `coderIds` with an assignment in the project. */
    assigned(projectId: string, coderIds: readonly string[]) {
      return db.all<{ studyId: string; coderId: string }>(sql`SELECT study_id AS studyId,
        user_id AS coderId FROM assignments
        WHERE project_id = ${projectId} AND user_id IN ${inList(coderIds)}`);
    },
    /** The documents of some studies, in each study's order. */
    documents(studyIds: readonly string[]) {
      return db.all<{ id: string; studyId: string; length: number }>(sql`SELECT id,
          study_id AS studyId, length FROM documents
        WHERE study_id IN ${inList(studyIds)} ORDER BY created_at, id`);
    },
    /**
     * Every code each of `coderIds` put on the documents of some studies, one row per
     * (highlight, code): the study index, then the (document, start, coder) index. Rows come as
     * arrays (documentId, studyId, coderId, codeId, start, end): a project's worth is a few
     * hundred thousand rows, and objects cost a third more time.
     */
    codings(studyIds: readonly string[], coderIds: readonly string[]): StudyCodingRow[] {
      return codingsFor(coderIds.length).all(JSON.stringify(studyIds), ...coderIds);
    },
    /**
     * Every coding of `codeIds` by `coderIds` in the whole project, rows as `codings` gives them,
     * through the codes' index: for the few codes whose highlights the counts cannot tell apart
     * from their children's (services/agreement-counts.ts).
     */
    codingsOfCodes(codeIds: readonly string[], coderIds: readonly string[]): StudyCodingRow[] {
      if (codeIds.length === 0) return [];
      return db.$client
        .prepare<unknown[], StudyCodingRow>(
          `SELECT h.document_id, d.study_id, h.coder_id, hc.code_id, h.start, h."end"
           FROM highlight_codes hc JOIN highlights h ON h.id = hc.highlight_id
           JOIN documents d ON d.id = h.document_id
           WHERE hc.code_id IN (SELECT value FROM json_each(?))
             AND h.coder_id IN (SELECT value FROM json_each(?))`,
        )
        .raw()
        .all(JSON.stringify(codeIds), JSON.stringify(coderIds));
    },
  };
}
export type AgreementRepository = ReturnType<typeof createAgreementRepository>;
