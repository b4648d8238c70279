import type { Readable } from 'node:stream';
import type { Repositories } from '@kodbok/db';
import type {
  CodebookExportQuery,
  ExcerptsExportQuery,
  ExportFormat,
  MatrixExportQuery,
  MemosExportQuery,
  PresenceExportQuery,
} from '@kodbok/contracts';
import { createExportService, type ExportFile } from './export.service';
import type { CurrentUser } from './types';

/**
 * An export as the read worker receives it (plain data, by structured clone): which file, for
 * whom, with the query as validated by the route. The worker runs the export service on its own
 * read-only connection, so authorisation and the blind-coding rule apply there exactly as on the
 * API thread.
 */
export type ExportJob = { user: CurrentUser; projectId: string } & (
  | { kind: 'excerpts'; format: ExportFormat<'excerpts'>; query: ExcerptsExportQuery }
  | { kind: 'matrix'; format: ExportFormat<'matrix'>; query: MatrixExportQuery }
  | { kind: 'presence'; format: ExportFormat<'presence'>; query: PresenceExportQuery }
  | { kind: 'codebook'; format: ExportFormat<'codebook'>; query: CodebookExportQuery }
  | { kind: 'memos'; format: ExportFormat<'memos'>; query: MemosExportQuery }
);

/** The export service over the worker's connection, made once. */
export function exportRunner(repos: Repositories) {
  const service = createExportService(repos);
  return (job: ExportJob): Promise<ExportFile> => {
    switch (job.kind) {
      case 'excerpts':
        return service.excerpts(job.user, job.projectId, job.format, job.query);
      case 'matrix':
        return service.matrix(job.user, job.projectId, job.format, job.query);
      case 'presence':
        return service.presence(job.user, job.projectId, job.format, job.query);
      case 'codebook':
        return service.codebook(job.user, job.projectId, job.format, job.query);
      case 'memos':
        return service.memos(job.user, job.projectId, job.format, job.query);
    }
  };
}

/** A file's body as chunks of bytes, whatever the service made it. */
export async function* bodyChunks(body: Readable | Buffer | string): AsyncGenerator<Uint8Array> {
  if (typeof body === 'string') yield Buffer.from(body);
  else if (Buffer.isBuffer(body)) yield body;
  else for await (const chunk of body) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}
