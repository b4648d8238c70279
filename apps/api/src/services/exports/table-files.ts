import { Readable } from 'node:stream';
import {
  compareText,
  CSV_BOM,
  csvLine,
  matrixRows,
  type MatrixCells,
  presenceHeader,
  presenceRows,
  type SynthesisMatrix,
} from '@kodbok/core';
import type { Repositories } from '@kodbok/db';
import type { ExportCode, ExportContext } from './context';
import { chunked, nextTurn } from './yielding';
import { aboutSheet, streamWorkbook } from './xlsx';

/** Studies whose cells are read per query: a matrix page's maximum. */
const STUDY_PAGE = 200;
/** Studies per slice of the tidy table: 5 × 300 codes is 1,500 rows, about 10 ms. */
const PRESENCE_PAGE = 5;

/** The studies the filters select, in the matrix's citation order, with their keys. */
function studiesInScope(repos: Repositories, ctx: ExportContext) {
  const total = repos.analysis.countStudies(ctx.scope);
  return repos.analysis
    .matrixStudies(ctx.scope, { groupBy: null, limit: Math.max(total, 1), offset: 0 })
    .map((s) => ({
      id: s.id,
      key: ctx.studies.get(s.id)?.key ?? s.title,
      title: s.title,
      year: s.year,
    }));
}

/** The codes the filters keep, in codebook order. */
export const keptCodes = (ctx: ExportContext): ExportCode[] =>
  ctx.keep ? ctx.codes.filter((c) => ctx.keep!.has(c.id)) : ctx.codes;

/**
 * Rolled-up highlights per (code, study) for the whole selection, read a page of studies at a
 * time with a turn of the event loop between pages. Dense (one Int32 per cell): 300 codes ×
 * 10,000 studies is 12 MB, far less than a map of objects.
 */
export async function loadMatrix(
  repos: Repositories,
  ctx: ExportContext,
): Promise<SynthesisMatrix & { studies: Array<{ id: string; key: string }> }> {
  const studies = studiesInScope(repos, ctx);
  const codes = keptCodes(ctx);
  const row = new Map(codes.map((c, i) => [c.id, i]));
  const column = new Map(studies.map((s, i) => [s.id, i]));
  const counts = new Int32Array(codes.length * studies.length);
  for (let from = 0; from < studies.length; from += STUDY_PAGE) {
    const ids = studies.slice(from, from + STUDY_PAGE).map((s) => s.id);
    for (const [codeId, cells] of repos.analysis.matrixCells(ctx.scope, ids)) {
      const r = row.get(codeId);
      if (r === undefined) continue;
      for (const c of cells) counts[r * studies.length + column.get(c.studyId)!] = c.highlights;
    }
    await nextTurn();
  }
  return { studies, codes, counts };
}

export function matrixCsv(m: SynthesisMatrix, cells: MatrixCells): string {
  return `${CSV_BOM}${matrixRows(m, cells).map(csvLine).join('\r\n')}\r\n`;
}

/** The matrix as a workbook: codes down, studies across, first row and column frozen, themes bold. */
export function matrixXlsx(m: SynthesisMatrix, cells: MatrixCells, about: string[]): Readable {
  return streamWorkbook(async ({ sheet, room }) => {
    const [header, ...rows] = matrixRows(m, cells);
    await sheet(
      {
        name: 'Theme × study',
        header: header!.map(String),
        widths: [40, ...m.studies.map((s) => Math.min(24, Math.max(8, s.key.length + 2)))],
        freezeFirstColumn: true,
      },
      async (writer) => {
        rows.forEach((r, i) => writer.addRow(r, { bold: m.codes[i]!.depth === 0 }));
        await room();
      },
    );
    await aboutSheet(sheet, about);
  });
}

/**
 * The tidy table: one row per study × code (0/1 presence, rolled-up highlights), each study's
 * attributes as columns. Streamed a page of studies at a time: 10,000 studies × 300 codes is
 * three million rows.
 */
export function presenceCsv(repos: Repositories, ctx: ExportContext): Readable {
  const attributes = new Map<string, Map<string, string>>();
  for (const a of repos.exports.attributes(ctx.projectId)) {
    const of = attributes.get(a.studyId) ?? new Map<string, string>();
    of.set(a.name, a.value);
    attributes.set(a.studyId, of);
  }
  const names = [...new Set([...attributes.values()].flatMap((m) => [...m.keys()]))].sort(
    compareText,
  );
  const codes = keptCodes(ctx).map((c) => ({
    id: c.id,
    path: c.path,
    themeName: c.themeName,
    depth: c.depth,
  }));
  /** One page of studies as CSV chunks, in a scope of its own (see highlightPages for why). */
  function write(page: ReturnType<typeof studiesInScope>): Buffer[] {
    const byStudy = new Map(page.map((s) => [s.id, new Map<string, number>()]));
    const cells = repos.analysis.matrixCells(
      ctx.scope,
      page.map((s) => s.id),
    );
    for (const [codeId, list] of cells)
      for (const c of list) byStudy.get(c.studyId)?.set(codeId, c.highlights);
    function* lines() {
      for (const s of page) {
        const study = { ...s, attributes: attributes.get(s.id) ?? new Map<string, string>() };
        for (const r of presenceRows(study, names, codes, byStudy.get(s.id)!))
          yield `${csvLine(r)}\r\n`;
      }
    }
    return [...chunked(lines())];
  }
  async function* chunks() {
    yield Buffer.from(`${CSV_BOM}${csvLine(presenceHeader(names))}\r\n`);
    const studies = studiesInScope(repos, ctx);
    for (let from = 0; from < studies.length; from += PRESENCE_PAGE) {
      yield* write(studies.slice(from, from + PRESENCE_PAGE));
      await nextTurn();
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
