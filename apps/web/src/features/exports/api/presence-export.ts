import { exportPath, exportQuery, type ExportFilter } from './export-params';

/** GET /api/projects/:projectId/exports/presence.csv: one row per study × code, for R or Python. */
export function presenceExportUrl(
  projectId: string,
  filter: ExportFilter,
  options: { downloadToken?: string } = {},
) {
  return exportPath(projectId, 'presence.csv') + exportQuery(filter, options);
}
