import { Readable } from 'node:stream';
import { CONSENSUS_CODER_ID } from '@kodbok/contracts';
import {
  annotationCollectionEnd,
  annotationCollectionStart,
  astralOffsets,
  codePointOffset,
  CSV_BOM,
  csvLine,
  EXCERPT_COLUMNS,
  excerptCsvRecords,
  excerptRows,
  toWebAnnotation,
  urn,
  type ExportHighlight,
  type ExportStudy,
} from '@kodbok/core';
import type { Repositories } from '@kodbok/db';
import type { ExportContext } from './context';
import { chunked, nextTurn } from './yielding';
import { aboutSheet, streamWorkbook, type SheetWriter } from './xlsx';

/**
 * The pages of highlights of an export, each written by `write` as it is read (see
 * highlightPages: only what `write` returns outlives a page).
 */
export type PageSource = <T>(write: (page: ExportHighlight[]) => T) => AsyncIterable<T>;

const UNKNOWN_STUDY: ExportStudy = {
  key: '',
  citation: '',
  authors: '',
  year: null,
  title: '',
  doi: null,
};

/** The excerpt rows of one page, one per (highlight, code). */
function* pageRows(page: readonly ExportHighlight[], ctx: ExportContext) {
  for (const h of page)
    yield* excerptRows(h, ctx.studies.get(h.studyId) ?? UNKNOWN_STUDY, ctx.rowCodes);
}

/**
 * Coded excerpts as CSV: UTF-8 with a BOM (so Excel reads å and ø), RFC 4180, CRLF after every
 * record. The stream pulls the next page of highlights only when the client has taken the last,
 * so memory stays flat at any size.
 */
export function excerptsCsv(pages: PageSource, ctx: ExportContext): Readable {
  const records = excerptCsvRecords(ctx.rowCodes);
  function* csvRecords(page: readonly ExportHighlight[]) {
    for (const h of page) yield records(h, ctx.studies.get(h.studyId) ?? UNKNOWN_STUDY);
  }
  async function* chunks() {
    yield Buffer.from(`${CSV_BOM}${csvLine(EXCERPT_COLUMNS)}\r\n`);
    for await (const buffers of pages((page) => [...chunked(csvRecords(page))])) {
      yield* buffers;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** The longest a workbook's rows hold the event loop at a time. */
const SLICE_MS = 10;

/** Column widths (characters) of the excerpt sheet, in EXCERPT_COLUMNS order. */
const EXCERPT_WIDTHS = [18, 28, 6, 40, 22, 10, 36, 14, 80, 7, 7, 40, 22];

/**
 * Coded excerpts as a workbook: a header row, frozen, with filters and column widths; one sheet,
 * or (`perTheme`) one sheet per theme holding the rows of its codes.
 */
export function excerptsXlsx(
  pagesOf: (codeIds: readonly string[] | null) => PageSource,
  ctx: ExportContext,
  options: { perTheme: boolean; about: string[] },
): Readable {
  return streamWorkbook(async ({ sheet, room }) => {
    const spec = (name: string) => ({ name, header: EXCERPT_COLUMNS, widths: EXCERPT_WIDTHS });
    // Building a row's XML costs ~10 times a CSV line's: the rows of a page go in slices too.
    const fill = (pages: PageSource, only: ExportContext) => async (rows: SheetWriter) => {
      let slice = performance.now();
      for await (const page of pages((p) => [...pageRows(p, only)])) {
        for (const row of page) {
          rows.addRow(row);
          if (performance.now() - slice > SLICE_MS) {
            await nextTurn();
            slice = performance.now();
          }
        }
        await room();
      }
    };
    if (!options.perTheme) {
      await sheet(spec('Excerpts'), fill(pagesOf(null), ctx));
    } else {
      const themeOf = new Map(ctx.codes.map((c) => [c.id, c.themeId]));
      for (const theme of ctx.codes.filter((c) => c.depth === 0)) {
        const codes = new Map([...ctx.rowCodes].filter(([id]) => themeOf.get(id) === theme.id));
        if (codes.size === 0) continue;
        const only = { ...ctx, rowCodes: codes };
        await sheet(spec(theme.name), fill(pagesOf([...codes.keys()]), only));
      }
    }
    await aboutSheet(sheet, options.about);
  });
}

/**
 * Coded excerpts as W3C Web Annotations: one AnnotationCollection, streamed. Positions are
 * converted to code points, which needs each document's text once as the pages pass it.
 */
export function excerptsJson(
  pages: PageSource,
  ctx: ExportContext,
  repos: Repositories,
  collection: { label: string },
): Readable {
  const astral = new Map<string, number[]>();
  let total = 0;
  function write(page: readonly ExportHighlight[]): Buffer[] {
    if (astral.size > 1000) astral.clear();
    const missing = [...new Set(page.map((h) => h.documentId))].filter((id) => !astral.has(id));
    for (const d of repos.exports.documentTexts(missing)) astral.set(d.id, astralOffsets(d.text));
    function* items() {
      for (const h of page) {
        const offsets = astral.get(h.documentId) ?? [];
        const codes = h.codeIds
          .flatMap((id) => {
            const code = ctx.rowCodes.get(id);
            return code ? [{ id, ...code }] : [];
          })
          .sort((a, b) => a.order - b.order);
        const position = {
          start: codePointOffset(h.start, offsets),
          end: codePointOffset(h.end, offsets),
        };
        const annotation = toWebAnnotation(h, codes, position, CONSENSUS_CODER_ID);
        yield (total++ === 0 ? '' : ',') + JSON.stringify(annotation);
      }
    }
    return [...chunked(items())];
  }
  async function* chunks() {
    yield Buffer.from(
      annotationCollectionStart({ id: urn('project', ctx.projectId), ...collection }),
    );
    for await (const buffers of pages(write)) yield* buffers;
    yield Buffer.from(annotationCollectionEnd(total));
  }
  return Readable.from(chunks(), { objectMode: false });
}
