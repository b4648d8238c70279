import { EXPORT_REPORT_LIMIT } from '@kodbok/contracts';
import { codebookExportUrl } from '../api/codebook-export';
import { excerptsExportUrl } from '../api/excerpts-export';
import type { ExportFilter } from '../api/export-params';
import { matrixExportUrl } from '../api/matrix-export';
import { memosExportUrl } from '../api/memos-export';
import { presenceExportUrl } from '../api/presence-export';
import { refiExportUrl } from '../api/refi-export';

/** What a user exports, as the panel offers it. */
export type ExportWhat = 'excerpts' | 'table' | 'codebook' | 'memos' | 'project';

/** One file the panel can make: excerpts.xlsx, matrix.csv, presence.csv, … */
export type ExportFile =
  | `excerpts.${'xlsx' | 'csv' | 'docx' | 'md' | 'html' | 'json'}`
  | `matrix.${'xlsx' | 'csv' | 'md'}`
  | 'presence.csv'
  | `codebook.${'docx' | 'csv' | 'json' | 'qdc'}`
  | `memos.${'docx' | 'md'}`
  | 'project.qdpx';

interface FileChoice {
  file: ExportFile;
  label: string;
  /** Built whole on the server, and so bounded (EXPORT_REPORT_LIMIT excerpts). */
  report?: boolean;
}

export const EXPORT_CHOICES: Record<
  ExportWhat,
  { label: string; description: string; files: FileChoice[] }
> = {
  excerpts: {
    label: 'Coded excerpts',
    description: 'Each excerpt with its study, code, coder and memo',
    files: [
      { file: 'excerpts.xlsx', label: 'Excel workbook (.xlsx)' },
      { file: 'excerpts.csv', label: 'CSV (.csv)' },
      { file: 'excerpts.docx', label: 'Word report (.docx)', report: true },
      { file: 'excerpts.md', label: 'Markdown report (.md)', report: true },
      { file: 'excerpts.html', label: 'Web page report (.html)', report: true },
      { file: 'excerpts.json', label: 'Web Annotations (.json)' },
    ],
  },
  table: {
    label: 'Synthesis table',
    description: 'Themes and codes × studies, as in the matrix',
    files: [
      { file: 'matrix.xlsx', label: 'Excel workbook (.xlsx)' },
      { file: 'matrix.csv', label: 'CSV (.csv)' },
      { file: 'matrix.md', label: 'Markdown table (.md)' },
      { file: 'presence.csv', label: 'Tidy CSV for R or Python: a row per study × code' },
    ],
  },
  codebook: {
    label: 'Codebook',
    description: 'Themes and codes with definitions, colours and keywords',
    files: [
      { file: 'codebook.docx', label: 'Word, for an appendix (.docx)' },
      { file: 'codebook.csv', label: 'CSV (.csv)' },
      { file: 'codebook.json', label: 'JSON (.json)' },
      { file: 'codebook.qdc', label: 'REFI-QDA codebook for other QDA tools (.qdc)' },
    ],
  },
  memos: {
    label: 'Memos',
    description:
      'Memos on the project, codes, studies, documents and highlights, by what they are about',
    files: [
      { file: 'memos.docx', label: 'Word (.docx)' },
      { file: 'memos.md', label: 'Markdown (.md)' },
    ],
  },
  project: {
    label: 'Whole project',
    description: 'Studies, codebook, coding and memos for NVivo, ATLAS.ti, MAXQDA or QualCoder',
    files: [{ file: 'project.qdpx', label: 'REFI-QDA project (.qdpx)' }],
  },
};

export interface ExportOptions {
  /** excerpts.xlsx: a sheet per theme. */
  sheetPerTheme: boolean;
  /** The synthesis table: ticks instead of counts. */
  ticks: boolean;
}

/** The export URL of a file with the filters and options in force. */
export function exportHref(
  projectId: string,
  file: ExportFile,
  filter: ExportFilter,
  options: ExportOptions & { downloadToken?: string },
): string {
  const [kind, format] = file.split('.') as [string, string];
  const token = { downloadToken: options.downloadToken };
  switch (kind) {
    case 'excerpts':
      return excerptsExportUrl(projectId, format as 'csv', filter, { ...options, ...token });
    case 'matrix':
      return matrixExportUrl(projectId, format as 'csv', filter, { ...options, ...token });
    case 'presence':
      return presenceExportUrl(projectId, filter, token);
    case 'codebook':
      if (format === 'qdc') return refiExportUrl(projectId, 'codebook.qdc', filter, token);
      return codebookExportUrl(projectId, format as 'csv', filter, token);
    case 'project':
      return refiExportUrl(projectId, 'project.qdpx', filter, token);
    default:
      return memosExportUrl(projectId, format as 'md', filter, token);
  }
}

/**
 * Why a file cannot be made from this many excerpts, or null when it can: a report is built
 * whole on the server and refused past EXPORT_REPORT_LIMIT excerpts.
 */
export function tooBigFor(file: ExportFile, excerpts: number | undefined): string | null {
  const choice = Object.values(EXPORT_CHOICES)
    .flatMap((c) => c.files)
    .find((c) => c.file === file);
  if (!choice?.report || excerpts === undefined || excerpts <= EXPORT_REPORT_LIMIT) return null;
  return `A report holds at most ${EXPORT_REPORT_LIMIT.toLocaleString('en')} excerpts: narrow the filters on the Analysis page, or choose CSV or Excel.`;
}
