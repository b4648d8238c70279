import { ftsQuery, matchRanges, snippetAround } from '@kodbok/core';
import type { ExcerptCursor, ExcerptRow, Repositories } from '@kodbok/db';
import type {
  DocumentSearch,
  DocumentSearchQuery,
  Excerpt,
  Excerpts,
  ExcerptsQuery,
} from '@kodbok/contracts';
import { BadRequestError } from '../errors';
import { authorize } from './access';
import { scopeOf } from './analysis-filter';
import type { CurrentUser } from './types';

/** Coded excerpts with their citation, and full-text search over excerpts and documents. */
export function createExcerptService(repos: Repositories) {
  return {
    list(user: CurrentUser, projectId: string, query: ExcerptsQuery): Excerpts {
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
      const rows = repos.excerpts.page(base);
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      const codes = groupCodes(repos.excerpts.codesOf(page.map((r) => r.id)));
      return {
        total: repos.excerpts.total({ ...base, after: null }),
        nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
        items: page.map((r) => toExcerpt(r, codes.get(r.id) ?? [], query.q)),
      };
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

function toExcerpt(r: ExcerptRow, codeIds: string[], q: string | undefined): Excerpt {
  const authors = JSON.parse(r.authors) as string[];
  return {
    highlightId: r.id,
    documentId: r.documentId,
    studyId: r.studyId,
    quote: r.quote,
    start: r.start,
    end: r.end,
    codeIds,
    coderId: r.coderId,
    memo: r.memo,
    coderName: r.coderName,
    prefix: r.prefix,
    suffix: r.suffix,
    studyTitle: r.studyTitle,
    firstAuthor: authors[0]?.split(',')[0]?.trim() || null,
    year: r.year,
    matches: q ? matchRanges(r.quote, q) : [],
  };
}

function groupCodes(links: Array<{ highlightId: string; codeId: string }>) {
  const map = new Map<string, string[]>();
  for (const l of links) map.set(l.highlightId, [...(map.get(l.highlightId) ?? []), l.codeId]);
  return map;
}

/** Opaque to clients: base64url of the keyset position of the last excerpt on the page. */
function encodeCursor(r: ExcerptRow): string {
  return Buffer.from(JSON.stringify([r.documentId, r.start, r.id])).toString('base64url');
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
