import type { ExportFormat } from '@kodbok/contracts';
import { exportPath, exportQuery, type ExportFilter } from './export-params';

/** GET /api/projects/:projectId/exports/matrix.<format>: the theme × study table, counts or ticks. */
export function matrixExportUrl(
  projectId: string,
  format: ExportFormat<'matrix'>,
  filter: ExportFilter,
  options: { ticks?: boolean; downloadToken?: string } = {},
) {
  return (
    exportPath(projectId, `matrix.${format}`) +
    exportQuery(filter, {
      cells: options.ticks ? 'ticks' : undefined,
      downloadToken: options.downloadToken,
    })
  );
}
