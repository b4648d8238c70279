import type { Db, Repositories } from '@kodbok/db';
import type { DuplicateChoice, ImportPreview, ImportResult } from '@kodbok/contracts';
import { BadRequestError } from '../errors';
import { commitImport, type CommitHooks } from './import-commit';
import { parseUpload, planImport, toPreview } from './import-plan';
import type { Upload } from './types';
import { decodeUpload } from './upload-text';

/** One import to preview or store, as the import worker receives it (already authorised). */
export type ImportJob = { projectId: string; upload: Upload } & (
  { mode: 'preview' } | { mode: 'commit'; choice: DuplicateChoice; actorId: string }
);

/**
 * Runs an import on `db`: decodes and parses the files, then previews them or stores them, all
 * or nothing, in short slices (import-commit.ts); `hooks` hear of the staging project.
 */
export function runImport(
  db: Db,
  repos: Repositories,
  job: ImportJob,
  hooks: CommitHooks = {},
): ImportPreview | ImportResult {
  const parsed = parseUpload(decodeUpload(job.upload), numberAttributes(repos, job.projectId));
  // A job runs once, and its files' bytes were moved to this thread: they go once parsed (the
  // lines were read from them), and only the records are held while they are stored.
  for (const file of job.upload.files) file.bytes = new Uint8Array(0);
  if (job.mode === 'preview') {
    const existing = repos.studies.keys(job.projectId);
    return toPreview(planImport(parsed, existing), existing);
  }
  const unmapped = parsed.files.find((f) => f.table && !f.table.mapping.title);
  if (unmapped)
    throw new BadRequestError(`CSV file ${unmapped.file}: map a column to the title first`);
  const problems = parsed.files.reduce((n, f) => n + f.problems.length, 0);
  return commitImport(
    db,
    repos,
    parsed,
    {
      projectId: job.projectId,
      choice: job.choice,
      actorId: job.actorId,
      subject: job.upload.files.map((f) => f.name).join(', '),
      problems,
    },
    hooks,
  );
}

function numberAttributes(repos: Repositories, projectId: string): Set<string> {
  const types = repos.attributes.types(projectId);
  return new Set([...types].filter(([, type]) => type === 'number').map(([name]) => name));
}
