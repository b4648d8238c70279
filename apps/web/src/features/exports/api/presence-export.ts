import { exportEndpoints } from '@kodbok/contracts';
import { urlOf } from '../../../lib/api-client';
import { exportFilterQuery, type ExportFilter } from './export-params';

/** One row per study × code as CSV, for R or Python. */
export function presenceExportUrl(
  projectId: string,
  filter: ExportFilter,
  options: { downloadToken?: string } = {},
) {
  return urlOf(exportEndpoints.exportPresence, {
    params: { projectId, format: 'csv' },
    query: { ...exportFilterQuery(filter), downloadToken: options.downloadToken },
  });
}
