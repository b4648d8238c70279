import type { ExportHighlight } from '@kodbok/core';
import type { ExcerptCursor, ExportRow, Repositories } from '@kodbok/db';
import type { ExportContext } from './context';
import { nextTurn } from './yielding';

export interface HighlightSelection {
  /** Codes a highlight must carry (rolled up); null: the context's code filter. */
  codeIds?: readonly string[] | null;
  allCodes?: boolean;
  /** An FTS5 expression over quotes and memos. */
  match?: string | null;
  memosOnly?: boolean;
  /**
   * Read each excerpt's prefix and suffix (the text around it), which only Web Annotations'
   * quote selector uses: without them they are '' and a million-row table reads less.
   */
  context?: boolean;
}

/**
 * Highlights per page, adapted as the export runs so that reading a page takes at most about
 * READ_MS (writing it out takes about as long again); a rare code's highlights (found by scanning
 * past the others) come fewer at a time. Only the read is timed: the wait for a slow client
 * between pages must not shrink them. At most 250: a page's rows are alive until it is written,
 * and the read worker's young generation is small (12 MB, decision 022), so bigger pages outlived
 * its scavenges and were promoted: at 500 a page, a million highlights took 1.6 s of scavenges
 * and 55 full collections, at 300 0.4 s and 5 (`--trace-gc`, decision 012).
 */
const READ_MS = 8;
const PAGE_SIZES = { first: 250, min: 50, max: 250 };

/**
 * The highlights an export covers, a keyset page at a time in document order, each page turned
 * into `T` by `write` (CSV chunks, workbook rows…) before the event loop is handed back: a
 * million-highlight export never holds more than a page, and another user's request waits at
 * most about one page (time-slice.ts has the same idea). Only what `write` returns outlives the
 * page: rows kept while the client takes the bytes would be promoted to V8's old generation,
 * which then grows by a hundred megabytes before a full collection. A page may see coding saved
 * between pages; an export is a picture of a moment, like a view.
 */
export async function* highlightPages<T>(
  repos: Repositories,
  ctx: ExportContext,
  selection: HighlightSelection,
  write: (page: ExportHighlight[]) => T,
): AsyncGenerator<T> {
  let after: ExcerptCursor | null = null;
  let size = PAGE_SIZES.first;
  const read = repos.excerpts.exportReader({
    scope: ctx.scope,
    codeIds: selection.codeIds === undefined ? ctx.codeIds : selection.codeIds,
    allCodes: selection.allCodes ?? false,
    match: selection.match ?? null,
    memosOnly: selection.memosOnly ?? false,
    context: selection.context ?? true,
  });
  // One page, read and written in a scope of its own, so nothing of it stays referenced.
  const step = () => {
    const started = performance.now();
    const rows = read(after, size);
    if (rows.length === 0) return null;
    const took = Math.max(performance.now() - started, 1);
    const full = rows.length === size;
    const [id, documentId, , start] = rows[rows.length - 1]!;
    after = { documentId, start, id };
    size = Math.round(Math.min(PAGE_SIZES.max, Math.max(PAGE_SIZES.min, (size * READ_MS) / took)));
    return { written: write(rows.map((row) => toHighlight(row, ctx))), full };
  };
  for (;;) {
    const page = step();
    if (!page) return;
    yield page.written;
    if (!page.full) return;
    await nextTurn();
  }
}

function toHighlight(row: ExportRow, ctx: ExportContext): ExportHighlight {
  const [id, documentId, coderId, start, end, quote, prefix, suffix, memo, createdAt, codes] = row;
  const document = ctx.documents.get(documentId);
  return {
    id,
    documentId,
    studyId: document?.studyId ?? '',
    documentKind: document?.kind ?? '',
    coderId,
    coderName: ctx.coders.get(coderId) ?? coderId,
    start,
    end,
    quote,
    prefix,
    suffix,
    memo,
    createdAt,
    codeIds: codes ? codes.split(',') : [],
  };
}

/**
 * Every highlight of a selection in one array, for the reports; stops reading past `max` (the
 * caller refuses that many), so a huge selection is never held.
 */
export async function allHighlights(
  repos: Repositories,
  ctx: ExportContext,
  selection: HighlightSelection = {},
  max = Number.POSITIVE_INFINITY,
): Promise<ExportHighlight[]> {
  const out: ExportHighlight[] = [];
  for await (const page of highlightPages(repos, ctx, selection, (p) => p)) {
    out.push(...page);
    if (out.length > max) break;
  }
  return out;
}
