import type { RefiExportFile } from '@kodbok/contracts';
import { exportPath, exportQuery, type ExportFilter } from './export-params';

/**
 * GET /api/projects/:projectId/exports/project.qdpx and codebook.qdc: the project, or its
 * codebook, in the REFI-QDA exchange format that NVivo, ATLAS.ti, MAXQDA and QualCoder read.
 */
export function refiExportUrl(
  projectId: string,
  file: RefiExportFile,
  filter: ExportFilter,
  options: { downloadToken?: string } = {},
) {
  return exportPath(projectId, file) + exportQuery(filter, options);
}
