import { exportEndpoints, type ExportFormat } from '@kodbok/contracts';
import { urlOf } from '../../../lib/api-client';
import { exportFilterQuery, type ExportFilter } from './export-params';

/**
 * Coded excerpts as a file, one row per (excerpt, code); a workbook may put each theme on a
 * sheet of its own.
 */
export function excerptsExportUrl(
  projectId: string,
  format: ExportFormat<'excerpts'>,
  filter: ExportFilter,
  options: { sheetPerTheme?: boolean; downloadToken?: string } = {},
) {
  return urlOf(exportEndpoints.exportExcerpts, {
    params: { projectId, format },
    query: {
      ...exportFilterQuery(filter),
      sheets: format === 'xlsx' && options.sheetPerTheme ? 'theme' : undefined,
      downloadToken: options.downloadToken,
    },
  });
}
