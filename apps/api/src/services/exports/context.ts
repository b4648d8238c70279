import {
  citeStudies,
  placeCodes,
  type BookCode,
  type CodePlace,
  type ExportStudy,
  type RowCode,
} from '@kodbok/core';
import type { AnalysisScope, Repositories } from '@kodbok/db';
import type { AnalysisFilterQuery } from '@kodbok/contracts';
import { authorize } from '../access';
import { rowsFor, scopeOf } from '../analysis-filter';
import type { CurrentUser } from '../types';
import { nextTurn } from './yielding';

export type ExportCode = BookCode & CodePlace;

/**
 * What every export of a project needs, read once: the project's name, every study's key and
 * citation (over all its studies, so a filtered export names a study as a full one does), each
 * document's study and kind, coders' names and the codebook in tree order. Then the filters:
 * the scope (whose coding, which studies) and the codes they keep.
 */
export interface ExportContext {
  projectId: string;
  projectName: string;
  scope: AnalysisScope;
  /** The code filter as asked (a code stands for its descendants too); null: every code. */
  codeIds: string[] | null;
  /** Every code, in tree order. */
  codes: ExportCode[];
  /** The codes a row may name: those the filter keeps (all without one), with their order. */
  rowCodes: Map<string, RowCode>;
  /** The kept code ids; null when no code filter is set. */
  keep: Set<string> | null;
  studies: Map<string, ExportStudy>;
  documents: Map<string, { studyId: string; kind: string }>;
  coders: Map<string, string>;
}

/**
 * Authorises the caller (members only, 404 otherwise), resolves the filters through scopeOf
 * (blind coding narrows whose coding is read, and naming another coder is a 403), and reads
 * the lookups.
 */
export async function loadExportContext(
  repos: Repositories,
  user: CurrentUser,
  projectId: string,
  query: AnalysisFilterQuery,
): Promise<ExportContext> {
  authorize(repos, user, projectId, 'read');
  const codes = placeCodes(
    repos.exports.codebook(projectId).map((c) => ({
      ...c,
      keywords: JSON.parse(c.keywords) as string[],
    })),
  );
  const { scope, codeIds } = scopeOf(repos, user, projectId, query, codes);
  const keep = codeIds ? new Set(rowsFor(codes, codeIds).map((c) => c.id)) : null;
  const kept = keep ? codes.filter((c) => keep.has(c.id)) : codes;
  const order = new Map(codes.map((c, i) => [c.id, i]));
  // Each lookup is 20–40 ms at 10,000 studies: a turn of the event loop between them.
  await nextTurn();
  const studyRows = repos.exports.studies(projectId);
  await nextTurn();
  const authorsOf = new Map(studyRows.map((s) => [s.id, JSON.parse(s.authors) as string[]]));
  const cited = citeStudies(studyRows.map((s) => ({ ...s, authors: authorsOf.get(s.id)! })));
  await nextTurn();
  const documents = repos.exports.documents(projectId);
  await nextTurn();
  return {
    projectId,
    projectName: repos.exports.projectName(projectId) ?? 'project',
    scope,
    codeIds,
    codes,
    rowCodes: new Map(kept.map((c) => [c.id, { path: c.path, order: order.get(c.id)! }])),
    keep,
    studies: new Map(
      studyRows.map((s) => [
        s.id,
        {
          ...cited.get(s.id)!,
          authors: authorsOf.get(s.id)!.join('; '),
          year: s.year,
          title: s.title,
          doi: s.doi,
        },
      ]),
    ),
    documents: new Map(documents.map((d) => [d.id, { studyId: d.studyId, kind: d.kind }])),
    coders: new Map(repos.exports.coders(projectId).map((c) => [c.id, c.name])),
  };
}
