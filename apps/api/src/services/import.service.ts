import type { Repositories } from '@kodbok/db';
import type { DuplicateChoice, ImportPreview, ImportResult } from '@kodbok/contracts';
import { authorize } from './access';
import type { ImportRunner } from './import-runner';
import type { CurrentUser, Upload } from './types';

/**
 * Bringing studies in from files: preview first, then one all-or-nothing transaction. Both run
 * in a worker thread (services/import-run.ts does the work); the caller is authorised here.
 */
export function createImportService(repos: Repositories, run: ImportRunner) {
  return {
    async preview(user: CurrentUser, projectId: string, upload: Upload): Promise<ImportPreview> {
      authorize(repos, user, projectId, 'manageStudies');
      return (await run({ mode: 'preview', projectId, upload })) as ImportPreview;
    },
    async commit(
      user: CurrentUser,
      projectId: string,
      upload: Upload,
      choice: DuplicateChoice,
    ): Promise<ImportResult> {
      authorize(repos, user, projectId, 'manageStudies');
      return (await run({ mode: 'commit', projectId, upload, choice })) as ImportResult;
    },
  };
}
