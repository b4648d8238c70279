import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { ExportFileName } from '@kodbok/core';
import { ForbiddenError, TooManyRequestsError } from '../errors';
import { backupFileName, makeBackup } from './backup-file';
import type { CurrentUser } from './types';

/** The name of a copy on its way to a browser; any left by a killed server go at the next start. */
const IN_TRANSIT = /^\.download-[0-9a-f-]+\.sqlite(?:-journal)?$/;

export interface BackupDownload {
  name: ExportFileName;
  bytes: number;
  /** The copy's bytes; the file is removed once they are sent, or the client has gone. */
  body: Readable;
}

/**
 * The instance owner's download of the whole database (GET /api/admin/backup, docs/decisions/017).
 * The copy is made in the data folder's backups folder, beside the database and so on a disk with
 * room for it (not a /tmp that may live in memory), streamed, then removed.
 */
export function createBackupService(
  paths: { databaseFile: string; backupDir: string },
  now = () => new Date(),
) {
  removeLeftovers(paths.backupDir);
  let making = false;
  return {
    async download(user: CurrentUser): Promise<BackupDownload> {
      if (!user.isInstanceOwner)
        throw new ForbiddenError('Only the instance owner can download a backup of the database');
      // Each copy takes as much disk as the database: one at a time.
      if (making)
        throw new TooManyRequestsError(
          'A backup is being made already: wait until its download has finished',
        );
      making = true;
      const name = backupFileName(now());
      const file = path.join(paths.backupDir, `.download-${randomUUID()}.sqlite`);
      try {
        const backup = await makeBackup(paths.databaseFile, file);
        const body = createReadStream(file);
        // Removed off the event loop: unlinking gigabytes takes the file system a while.
        body.once(
          'close',
          () =>
            void rm(file, { force: true }).finally(() => {
              making = false;
            }),
        );
        return { name: { ascii: name, unicode: name }, bytes: backup.bytes, body };
      } catch (err) {
        making = false;
        throw err;
      }
    },
  };
}

function removeLeftovers(dir: string) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir))
    if (IN_TRANSIT.test(entry)) rmSync(path.join(dir, entry), { force: true });
}
