import { exportEndpoints, type ExportFormat, type QueryOf } from '@kodbok/contracts';
import { urlOf } from '../../../lib/api-client';
import { exportFilterQuery, type ExportFilter } from './export-params';

type CodebookQuery = QueryOf<typeof exportEndpoints.exportCodebook>;

/** The codebook as a file: themes, codes, definitions, colours, keywords. */
export function codebookExportUrl(
  projectId: string,
  format: ExportFormat<'codebook'>,
  filter: ExportFilter,
  options: { examples?: number; downloadToken?: string } = {},
) {
  // `examples` has a default on the server (one), which the query's type does not know.
  const query = { ...exportFilterQuery(filter), ...options } as CodebookQuery;
  return urlOf(exportEndpoints.exportCodebook, { params: { projectId, format }, query });
}
