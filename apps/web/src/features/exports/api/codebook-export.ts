import type { ExportFormat } from '@kodbok/contracts';
import { exportPath, exportQuery, type ExportFilter } from './export-params';

/** GET /api/projects/:projectId/exports/codebook.<format>: themes, codes, definitions, colours, keywords. */
export function codebookExportUrl(
  projectId: string,
  format: ExportFormat<'codebook'>,
  filter: ExportFilter,
  options: { downloadToken?: string } = {},
) {
  return exportPath(projectId, `codebook.${format}`) + exportQuery(filter, options);
}
