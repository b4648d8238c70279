import { RefiFileError } from '@kodbok/core';
import type { Db, Repositories } from '@kodbok/db';
import type {
  CodebookImportPreview,
  CodebookImportResult,
  QdpxImportResult,
  QdpxPreview,
} from '@kodbok/contracts';
import { BadRequestError, PayloadTooLargeError } from '../errors';
import { commitCodebook, previewCodebook, type RefiCodebookJob } from './refi-codebook-run';
import { runProjectExport, type RefiExportJob } from './refi-export-run';
import type { CommitHooks } from './import-commit';
import { commitProject } from './refi-import-commit';
import { planOf, previewOf, type RefiProjectJob } from './refi-import-run';

/** A REFI-QDA job as the refi worker receives it: already authorised, plain data. */
export type RefiJob = RefiExportJob | RefiProjectJob | RefiCodebookJob;
export type RefiResult =
  Uint8Array | QdpxPreview | QdpxImportResult | CodebookImportPreview | CodebookImportResult;

/**
 * Runs one REFI-QDA job on `db` (docs/decisions/013). A file that cannot be read as what it
 * claims becomes a 400 (413 for a zip bomb) whose message names the problem. `hooks` hear of
 * the hidden project a project import writes into (docs/decisions/019).
 */
export function runRefiJob(
  db: Db,
  repos: Repositories,
  job: RefiJob,
  hooks: CommitHooks = {},
): RefiResult {
  try {
    switch (job.kind) {
      case 'export-project':
        return runProjectExport(repos, job);
      case 'import-project': {
        const plan = planOf(job);
        return job.mode === 'preview'
          ? previewOf(plan, job.userId)
          : commitProject(db, repos, plan, job.userId, hooks);
      }
      case 'import-codebook':
        return job.mode === 'preview'
          ? previewCodebook(repos, job)
          : commitCodebook(db, repos, job);
    }
  } catch (err) {
    if (!(err instanceof RefiFileError)) throw err;
    throw err.tooLarge ? new PayloadTooLargeError(err.message) : new BadRequestError(err.message);
  }
}
