import { exportEndpoints, type ExportFormat } from '@kodbok/contracts';
import { urlOf } from '../../../lib/api-client';
import { exportFilterQuery, type ExportFilter } from './export-params';

/** Highlight memos as a file, by study and code. */
export function memosExportUrl(
  projectId: string,
  format: ExportFormat<'memos'>,
  filter: ExportFilter,
  options: { downloadToken?: string } = {},
) {
  return urlOf(exportEndpoints.exportMemos, {
    params: { projectId, format },
    query: { ...exportFilterQuery(filter), downloadToken: options.downloadToken },
  });
}
