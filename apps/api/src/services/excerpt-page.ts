import { matchRanges } from '@kodbok/core';
import type { ExcerptQuery, ExcerptRow, Repositories } from '@kodbok/db';
import type { Excerpt, Excerpts } from '@kodbok/contracts';

/**
 * One page of excerpts with its total and the cursor of the next (`query.limit` is one more than
 * the page, to tell whether another follows). Runs on the API thread for quick pages, whose
 * `total` is known already, in the read worker for the rest (excerpt.service.ts).
 */
export function excerptPage(
  repos: Repositories,
  query: ExcerptQuery,
  q: string | undefined,
  limit: number,
  total = repos.excerpts.total({ ...query, after: null }),
): Excerpts {
  // With nothing to find, the page's query would read every highlight of the project looking.
  const rows = total === 0 ? [] : repos.excerpts.page(query, total);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const codes = groupCodes(repos.excerpts.codesOf(page.map((r) => r.id)));
  return {
    total,
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    items: page.map((r) => toExcerpt(r, codes.get(r.id) ?? [], q)),
  };
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
