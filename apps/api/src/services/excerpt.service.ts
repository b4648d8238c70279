import { ftsQuery, matchRanges, snippetAround } from '@kodbok/core';
import type { ExcerptCursor, Repositories } from '@kodbok/db';
import type {
  DocumentSearch,
  DocumentSearchQuery,
  Excerpts,
  ExcerptsQuery,
} from '@kodbok/contracts';
import { BadRequestError } from '../errors';
import { authorize } from './access';
import { scopeOf } from './analysis-filter';
import { excerptPage } from './excerpt-page';
import type { JsonBytes, ReadRunner } from './read-runner';
import type { CurrentUser } from './types';

/** Coded excerpts with their citation, and full-text search over excerpts and documents. */
export function createExcerptService(repos: Repositories, runRead: ReadRunner) {
  return {
    async list(
      user: CurrentUser,
      projectId: string,
      query: ExcerptsQuery,
    ): Promise<Excerpts | JsonBytes<Excerpts>> {
      authorize(repos, user, projectId, 'read');
      const { scope, codeIds } = scopeOf(
        repos,
        user,
        projectId,
        query,
        repos.codes.tree(projectId),
      );
      const match = query.q === undefined ? null : requireWords(query.q);
      const after = query.cursor ? decodeCursor(query.cursor) : null;
      const allCodes = query.codeMatch === 'all';
      const base = { scope, codeIds, allCodes, match, limit: query.limit + 1, after };
      // A page of dense excerpts with a kept total reads a few dozen rows by index; a sparse
      // code's, a counted total's and a search's read thousands, in the read worker.
      const quickTotal = repos.excerpts.quickTotal(base);
      if (quickTotal !== null) return excerptPage(repos, base, query.q, query.limit, quickTotal);
      return runRead<Excerpts>({ kind: 'excerpts', query: base, q: query.q, limit: query.limit });
    },
    searchDocuments(
      user: CurrentUser,
      projectId: string,
      query: DocumentSearchQuery,
    ): DocumentSearch {
      authorize(repos, user, projectId, 'read');
      const rows = repos.excerpts.searchDocuments(projectId, requireWords(query.q), query.limit);
      return {
        items: rows.map((r) => {
          const all = matchRanges(r.text, query.q);
          const window = snippetAround(r.text, all[0] ?? { start: 0, end: 0 }, 120);
          return {
            documentId: r.documentId,
            studyId: r.studyId,
            studyTitle: r.studyTitle,
            snippet: r.text.slice(window.start, window.end),
            snippetStart: window.start,
            matches: all
              .filter((m) => m.start >= window.start && m.end <= window.end)
              .map((m) => ({ start: m.start - window.start, end: m.end - window.start })),
          };
        }),
      };
    },
  };
}

export function requireWords(q: string): string {
  const match = ftsQuery(q);
  if (!match) throw new BadRequestError('q must contain at least one letter or digit');
  return match;
}

function decodeCursor(cursor: string): ExcerptCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 3 &&
      typeof value[0] === 'string' &&
      Number.isInteger(value[1]) &&
      typeof value[2] === 'string'
    ) {
      return { documentId: value[0], start: value[1] as number, id: value[2] };
    }
  } catch {
    // fall through to the one message below
  }
  throw new BadRequestError('cursor is not a nextCursor this API returned');
}
