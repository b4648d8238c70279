import type { Repositories } from '@kodbok/db';
import type { DuplicateChoice, ImportPreview, ImportResult } from '@kodbok/contracts';
import { authorize } from './access';
import type { ImportRunner } from './import-runner';
import type { JsonBytes } from './read-runner';
import type { CurrentUser, Upload } from './types';

/**
 * Bringing studies in from files: preview first, then one all-or-nothing transaction. Both run
 * in a worker thread (services/import-run.ts does the work); the caller is authorised here,
 * before the upload is read (`read`), so nobody can make the server take in 50 MB unasked. The
 * runner limits how many run at once and for how long, and stops one whose client has gone.
 */
/** Reads the request's files; called once the caller may import. */
export type ReadUpload = () => Promise<Upload>;

export function createImportService(repos: Repositories, run: ImportRunner) {
  return {
    async preview(
      user: CurrentUser,
      projectId: string,
      read: ReadUpload,
      signal?: AbortSignal,
    ): Promise<JsonBytes<ImportPreview>> {
      authorize(repos, user, projectId, 'manageStudies');
      const upload = await read();
      const job = { mode: 'preview' as const, projectId, upload };
      return (await run(job, { userId: user.id, signal })) as JsonBytes<ImportPreview>;
    },
    async commit(
      user: CurrentUser,
      projectId: string,
      read: ReadUpload,
      choice: DuplicateChoice,
      signal?: AbortSignal,
    ): Promise<ImportResult> {
      authorize(repos, user, projectId, 'manageStudies');
      const upload = await read();
      const job = { mode: 'commit' as const, projectId, upload, choice, actorId: user.id };
      return (await run(job, { userId: user.id, signal })) as ImportResult;
    },
  };
}
