import type { ExportFormat } from '@kodbok/contracts';
import { exportPath, exportQuery, type ExportFilter } from './export-params';

/** GET /api/projects/:projectId/exports/memos.<format>: highlight memos by study and code. */
export function memosExportUrl(
  projectId: string,
  format: ExportFormat<'memos'>,
  filter: ExportFilter,
  options: { downloadToken?: string } = {},
) {
  return exportPath(projectId, `memos.${format}`) + exportQuery(filter, options);
}
