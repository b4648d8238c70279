import { refiEndpoints, type RefiExportFile } from '@kodbok/contracts';
import { urlOf } from '../../../lib/api-client';
import { exportFilterQuery, type ExportFilter } from './export-params';

/**
 * The project, or its codebook, in the REFI-QDA exchange format that NVivo, ATLAS.ti, MAXQDA and
 * QualCoder read.
 */
export function refiExportUrl(
  projectId: string,
  file: RefiExportFile,
  filter: ExportFilter,
  options: { downloadToken?: string } = {},
) {
  const endpoint =
    file === 'project.qdpx' ? refiEndpoints.exportProjectQdpx : refiEndpoints.exportCodebookQdc;
  return urlOf(endpoint, {
    params: { projectId },
    query: { ...exportFilterQuery(filter), ...options },
  });
}
