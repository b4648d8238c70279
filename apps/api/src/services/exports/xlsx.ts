import { PassThrough, type Readable } from 'node:stream';
import type * as ExcelJsModule from 'exceljs';
import { XLSX_MAX_ROWS } from '@kodbok/contracts';
import { neutralizeFormula, xmlSafe, type CsvValue } from '@kodbok/core';

/*
 * Workbooks through ExcelJS's streaming writer (docs/decisions/012): rows go out as they are
 * added, so an export of a million rows never holds the workbook. Loaded on first use, so the
 * library costs the idle server nothing.
 */

type ExcelJs = typeof ExcelJsModule;
let excel: Promise<ExcelJs> | null = null;
const loadExcel = () =>
  (excel ??= import('exceljs').then((m) => (m as unknown as { default: ExcelJs }).default ?? m));

export interface SheetSpec {
  name: string;
  header: readonly string[];
  /** Column widths in characters. */
  widths: readonly number[];
  /** Also freeze the first column (the matrix's codes). */
  freezeFirstColumn?: boolean;
  /** Filter buttons on the header (default true). */
  filter?: boolean;
}

/** A sheet being written: add rows; past the 1,048,576 rows a sheet holds, a "(2)" sheet goes on. */
export interface SheetWriter {
  addRow(values: readonly CsvValue[], options?: { bold?: boolean }): void;
}

/**
 * Cell values as a spreadsheet must see them: characters XML cannot carry dropped, and text that
 * looks like a formula neutralised (string cells are never formulas in the file, but Excel
 * re-reads one as a formula when it is edited).
 */
const cell = (v: CsvValue) => (typeof v === 'string' ? neutralizeFormula(xmlSafe(v)) : v);

/** Bytes a workbook may have waiting (for the zip or for the client) before rows wait. */
const BACKLOG = 4 * 1024 * 1024;

/**
 * What the current sheet has handed to the zip that it has not compressed yet. ExcelJS writes
 * into the zip without waiting for it, and deflate gets one chunk done per turn of the event
 * loop, so without this the backlog grew by 10 MB a second. Read from ExcelJS 4's internals
 * (the sheet's `stream.pipes`); if they change, this reads 0 and only the client is waited for.
 */
function zipBacklog(sheet: unknown): number {
  const pipes = (sheet as { stream?: { pipes?: unknown } } | null)?.stream?.pipes;
  if (!Array.isArray(pipes)) return 0;
  return pipes.reduce<number>((sum, pipe: { _writableState?: { length?: unknown } }) => {
    const length = pipe._writableState?.length;
    return sum + (typeof length === 'number' ? length : 0);
  }, 0);
}

/**
 * Streams a workbook into the returned Readable while `write` adds sheets and rows. `write`
 * runs after the caller has the stream (so the response starts at once); its errors destroy
 * the stream. Between its awaits it should call `room()`, which waits while the zip or the
 * client is behind, so neither a slow download nor compression piles the file up in memory.
 */
export function streamWorkbook(
  write: (book: {
    sheet: (spec: SheetSpec, fill: (rows: SheetWriter) => Promise<void>) => Promise<void>;
    room: () => Promise<void>;
  }) => Promise<void>,
): Readable {
  const out = new PassThrough();
  let current: unknown = null;
  const room = async () => {
    while (
      !out.destroyed &&
      (out.readableLength + out.writableLength > BACKLOG || zipBacklog(current) > BACKLOG)
    ) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  void (async () => {
    const ExcelJS = await loadExcel();
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const names = new Set<string>();
    const sheet = async (spec: SheetSpec, fill: (rows: SheetWriter) => Promise<void>) => {
      let part = 0;
      let ws = open();
      let rows = 0;
      function open() {
        part++;
        const name = sheetName(part === 1 ? spec.name : `${spec.name} (${part})`, names);
        const ws = book.addWorksheet(name, {
          views: [{ state: 'frozen', xSplit: spec.freezeFirstColumn ? 1 : 0, ySplit: 1 }],
        });
        ws.columns = spec.widths.map((width) => ({ width }));
        current = ws;
        const header = ws.addRow(spec.header.map(cell));
        header.font = { bold: true };
        header.commit();
        return ws;
      }
      const close = () => {
        if (spec.filter !== false) {
          ws.autoFilter = {
            from: { row: 1, column: 1 },
            to: { row: rows + 1, column: spec.header.length },
          };
        }
        ws.commit();
      };
      await fill({
        addRow(values, options) {
          if (rows === XLSX_MAX_ROWS) {
            close();
            ws = open();
            rows = 0;
          }
          const row = ws.addRow(values.map(cell));
          if (options?.bold) row.font = { bold: true };
          row.commit();
          rows++;
        },
      });
      close();
    };
    await write({ sheet, room });
    await book.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

/**
 * A sheet name Excel accepts: none of \ / ? * [ ] :, at most 31 characters, not blank, not
 * starting or ending with an apostrophe, unique regardless of case.
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean =
    wanted
      .replace(/[\\/?*[\]:]/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` ${n}`;
    const name = `${clean.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** The last sheet of every workbook: what it holds (project, day, filters). */
export function aboutSheet(
  sheet: (spec: SheetSpec, fill: (rows: SheetWriter) => Promise<void>) => Promise<void>,
  lines: readonly string[],
): Promise<void> {
  return sheet(
    { name: 'About', header: ['About this export'], widths: [100], filter: false },
    async (rows) => {
      for (const line of lines) rows.addRow([line]);
    },
  );
}
