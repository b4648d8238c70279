import type { Readable } from 'node:stream';
import {
  EXPORT_REPORT_LIMIT,
  type CodebookExportQuery,
  type ExcerptsExportQuery,
  type ExportFormat,
  type ExportKind,
  type MatrixExportQuery,
  type MemosExportQuery,
  type PresenceExportQuery,
} from '@kodbok/contracts';
import {
  buildExcerptReport,
  buildMemoReport,
  codebookRows,
  codebookTree,
  CSV_BOM,
  excerptReportHtml,
  excerptReportMarkdown,
  exportFileName,
  markdownTable,
  matrixRows,
  memoReportMarkdown,
  toCsv,
  escapeMarkdown,
  type ExportFileName,
  type ExportNote,
} from '@kodbok/core';
import type { Repositories } from '@kodbok/db';
import { BadRequestError } from '../errors';
import { readableCoders } from './coders';
import { requireWords } from './excerpt.service';
import { toMemo } from './memo.service';
import { mapInSlices } from './time-slice';
import type { CurrentUser } from './types';
import { loadExportContext, type ExportContext } from './exports/context';
import { describeExport } from './exports/describe';
import { codebookDocx, excerptReportDocx, memoReportDocx } from './exports/docx';
import { excerptsCsv, excerptsJson, excerptsXlsx, type PageSource } from './exports/excerpt-files';
import { allHighlights, highlightPages, type HighlightSelection } from './exports/highlight-pages';
import { keptCodes, loadMatrix, matrixCsv, matrixXlsx, presenceCsv } from './exports/table-files';

/** A file to send: its name, its format (which gives the media type) and its bytes or stream. */
export interface ExportFile {
  name: ExportFileName;
  format: ExportFormat;
  body: Readable | Buffer | string;
}

/** Excel's widest sheet: 16,384 columns, one of them the codes. */
const XLSX_MAX_STUDIES = 16_383;

/**
 * Exports (issue 9). Every member may export what they may read: the filters go through scopeOf,
 * so blind coding narrows an export exactly as it narrows the Analysis page. Tables stream;
 * reports (Markdown, HTML, Word) are built whole and bounded by EXPORT_REPORT_LIMIT.
 */
export function createExportService(
  repos: Repositories,
  options: { clock?: () => Date; reportLimit?: number } = {},
) {
  const clock = options.clock ?? (() => new Date());
  const reportLimit = options.reportLimit ?? EXPORT_REPORT_LIMIT;
  async function prepare<K extends ExportKind>(
    user: CurrentUser,
    projectId: string,
    kind: K,
    format: ExportFormat<K>,
    query: Parameters<typeof loadExportContext>[3] & { q?: string },
  ) {
    const ctx = await loadExportContext(repos, user, projectId, query);
    const date = clock();
    const name = exportFileName(ctx.projectName, kind, format, date);
    const file = (body: ExportFile['body']): ExportFile => ({ name, format, body });
    return { ctx, file, about: describeExport(ctx, query, date) };
  }

  /**
   * The highlights of a report, read in slices; past EXPORT_REPORT_LIMIT the reading stops and
   * the report is refused, saying what to do instead.
   */
  async function reportHighlights(ctx: ExportContext, selection: HighlightSelection, what: string) {
    const highlights = await allHighlights(repos, ctx, selection, reportLimit);
    if (highlights.length > reportLimit) {
      throw new BadRequestError(
        `More than ${reportLimit.toLocaleString('en')} ${what} are too many for a report: choose codes, coders or studies, or export CSV or XLSX`,
      );
    }
    return highlights;
  }

  return {
    async excerpts(
      user: CurrentUser,
      projectId: string,
      format: ExportFormat<'excerpts'>,
      query: ExcerptsExportQuery,
    ): Promise<ExportFile> {
      if (query.sheets && format !== 'xlsx')
        throw new BadRequestError('sheets applies to xlsx only');
      if (query.sheets === 'theme' && query.codeMatch === 'all')
        throw new BadRequestError('sheets=theme cannot be combined with codeMatch=all');
      const match = query.q === undefined ? null : requireWords(query.q);
      const { ctx, file, about } = await prepare(user, projectId, 'excerpts', format, query);
      const selection: HighlightSelection = {
        match,
        allCodes: query.codeMatch === 'all',
        context: format === 'json',
      };
      const pages: PageSource = (write) => highlightPages(repos, ctx, selection, write);
      switch (format) {
        case 'csv':
          return file(excerptsCsv(pages, ctx));
        case 'xlsx':
          return file(
            excerptsXlsx(
              (codeIds) => (write) =>
                highlightPages(repos, ctx, codeIds ? { ...selection, codeIds } : selection, write),
              ctx,
              { perTheme: query.sheets === 'theme', about },
            ),
          );
        case 'json':
          return file(excerptsJson(pages, ctx, repos, { label: about.join('; ') }));
        default: {
          const highlights = await reportHighlights(ctx, selection, 'excerpts');
          const report = buildExcerptReport({
            title: `Coded excerpts: ${ctx.projectName}`,
            meta: about,
            codes: ctx.codes,
            highlights,
            studies: ctx.studies,
            keep: ctx.keep,
          });
          if (format === 'md') return file(excerptReportMarkdown(report));
          if (format === 'html') return file(excerptReportHtml(report));
          return file(await excerptReportDocx(report));
        }
      }
    },

    async matrix(
      user: CurrentUser,
      projectId: string,
      format: ExportFormat<'matrix'>,
      query: MatrixExportQuery,
    ): Promise<ExportFile> {
      const { ctx, file, about } = await prepare(user, projectId, 'matrix', format, query);
      const studies = repos.analysis.countStudies(ctx.scope);
      if (format === 'xlsx' && studies > XLSX_MAX_STUDIES) {
        throw new BadRequestError(
          `${studies.toLocaleString('en')} studies do not fit across one sheet (at most ${XLSX_MAX_STUDIES.toLocaleString('en')}): filter the studies, or export matrix.csv or presence.csv`,
        );
      }
      const m = await loadMatrix(repos, ctx);
      const cells = query.cells ?? 'counts';
      if (format === 'csv') return file(matrixCsv(m, cells));
      if (format === 'xlsx') return file(matrixXlsx(m, cells, about));
      const title = `Theme × study matrix: ${ctx.projectName}`;
      const meta = about.map((line) => `${escapeMarkdown(line)}  `).join('\n');
      return file(
        `# ${escapeMarkdown(title)}\n\n${meta}\n\n${markdownTable(matrixRows(m, cells))}\n`,
      );
    },

    async presence(
      user: CurrentUser,
      projectId: string,
      format: ExportFormat<'presence'>,
      query: PresenceExportQuery,
    ): Promise<ExportFile> {
      const { ctx, file } = await prepare(user, projectId, 'presence', format, query);
      return file(presenceCsv(repos, ctx));
    },

    async codebook(
      user: CurrentUser,
      projectId: string,
      format: ExportFormat<'codebook'>,
      query: CodebookExportQuery,
    ): Promise<ExportFile> {
      const { ctx, file, about } = await prepare(user, projectId, 'codebook', format, query);
      const codes = withAncestors(ctx);
      if (format === 'csv') return file(`${CSV_BOM}${toCsv(codebookRows(codes))}\r\n`);
      if (format === 'json') {
        const book = {
          project: ctx.projectName,
          exported: clock().toISOString(),
          codes: codebookTree(codes),
        };
        return file(`${JSON.stringify(book, null, 2)}\n`);
      }
      const examples = new Map(
        await mapInSlices(
          query.examples > 0 ? keptCodes(ctx) : [],
          (code) =>
            [
              code.id,
              repos.exports.examples(ctx.scope, code.id, query.examples).map((e) => ({
                quote: e.quote,
                citation: ctx.studies.get(e.studyId)?.citation ?? '',
              })),
            ] as const,
        ),
      );
      return file(
        await codebookDocx({ title: `Codebook: ${ctx.projectName}`, meta: about, codes, examples }),
      );
    },

    async memos(
      user: CurrentUser,
      projectId: string,
      format: ExportFormat<'memos'>,
      query: MemosExportQuery,
    ): Promise<ExportFile> {
      const { ctx, file, about } = await prepare(user, projectId, 'memos', format, query);
      const highlights = await reportHighlights(ctx, { memosOnly: true }, 'memos');
      const report = buildMemoReport({
        title: `Memos: ${ctx.projectName}`,
        meta: about,
        codes: ctx.codes,
        highlights,
        notes: notesOf(repos, user, ctx, query.coders !== undefined),
        studies: ctx.studies,
        documents: ctx.documents,
        keep: ctx.keep,
      });
      return file(format === 'md' ? memoReportMarkdown(report) : await memoReportDocx(report));
    },
  };
}

/**
 * The memos on the project, studies, documents and codes that the caller may read (the memo
 * rule: readableCoders plus owners' and supervisors'), of the chosen coders when coders were
 * named, on the studies the filters keep.
 */
function notesOf(
  repos: Repositories,
  user: CurrentUser,
  ctx: ExportContext,
  codersChosen: boolean,
): ExportNote[] {
  const m = repos.projects.membership(ctx.projectId, user.id)!;
  const rows = repos.memos.inProject(ctx.projectId, readableCoders(m, user.id));
  const authors = codersChosen && ctx.scope.coderIds ? new Set(ctx.scope.coderIds) : null;
  const filtered = ctx.scope.studyAttributes.length > 0 || ctx.scope.studyIds !== null;
  const studies = filtered ? new Set(repos.refi.studies(ctx.scope).map((s) => s.id)) : null;
  const inScope = (studyId: string | null | undefined) =>
    !studies || (studyId !== null && studyId !== undefined && studies.has(studyId));
  return rows
    .filter((r) => !authors || authors.has(r.userId))
    .filter((r) => !r.studyId || inScope(r.studyId))
    .filter((r) => !r.documentId || inScope(ctx.documents.get(r.documentId)?.studyId))
    .map((r) => {
      const memo = toMemo(r);
      return {
        on: memo.on,
        targetId: memo.targetId,
        author: memo.userName,
        text: memo.text,
        updatedAt: memo.updatedAt,
      };
    });
}

/** The kept codes and their ancestors, so a filtered codebook still nests under its themes. */
function withAncestors(ctx: ExportContext) {
  if (!ctx.keep) return ctx.codes;
  const parentOf = new Map(ctx.codes.map((c) => [c.id, c.parentId]));
  const shown = new Set<string>();
  for (const id of ctx.keep)
    for (let at: string | null | undefined = id; at && !shown.has(at); at = parentOf.get(at))
      shown.add(at);
  return ctx.codes.filter((c) => shown.has(c.id));
}
