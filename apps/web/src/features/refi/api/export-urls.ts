import { refiEndpoints } from '@kodbok/contracts';
import { urlOf } from '../../../lib/api-client';

/**
 * The project as a REFI-QDA .qdpx and its codebook as a .qdc: downloads, started by a link (the
 * browser saves the file; Content-Disposition names it).
 */
export const projectQdpxUrl = (projectId: string) =>
  urlOf(refiEndpoints.exportProjectQdpx, { params: { projectId } });

export const codebookQdcUrl = (projectId: string) =>
  urlOf(refiEndpoints.exportCodebookQdc, { params: { projectId } });
