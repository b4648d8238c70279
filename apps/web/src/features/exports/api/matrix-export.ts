import { exportEndpoints, type ExportFormat } from '@kodbok/contracts';
import { urlOf } from '../../../lib/api-client';
import { exportFilterQuery, type ExportFilter } from './export-params';

/** The theme × study table as a file, counts or ticks. */
export function matrixExportUrl(
  projectId: string,
  format: ExportFormat<'matrix'>,
  filter: ExportFilter,
  options: { ticks?: boolean; downloadToken?: string } = {},
) {
  return urlOf(exportEndpoints.exportMatrix, {
    params: { projectId, format },
    query: {
      ...exportFilterQuery(filter),
      cells: options.ticks ? 'ticks' : undefined,
      downloadToken: options.downloadToken,
    },
  });
}
