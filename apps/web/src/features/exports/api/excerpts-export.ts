import type { ExportFormat } from '@kodbok/contracts';
import { exportPath, exportQuery, type ExportFilter } from './export-params';

/**
 * GET /api/projects/:projectId/exports/excerpts.<format>: coded excerpts, one row per
 * (excerpt, code); a workbook may put each theme on a sheet of its own.
 */
export function excerptsExportUrl(
  projectId: string,
  format: ExportFormat<'excerpts'>,
  filter: ExportFilter,
  options: { sheetPerTheme?: boolean; downloadToken?: string } = {},
) {
  return (
    exportPath(projectId, `excerpts.${format}`) +
    exportQuery(filter, {
      sheets: format === 'xlsx' && options.sheetPerTheme ? 'theme' : undefined,
      downloadToken: options.downloadToken,
    })
  );
}
