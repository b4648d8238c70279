import { defineEndpoints } from './endpoint';

/** A SQLite database file (IANA: application/vnd.sqlite3). */
export const BACKUP_MEDIA_TYPE = 'application/vnd.sqlite3';

export const backupEndpoints = defineEndpoints({
  /** A consistent copy of the whole database, for the instance owner (docs/decisions/017). */
  getBackup: {
    method: 'GET',
    path: '/admin/backup',
    requires: 'instanceOwner',
    tags: ['admin'],
    description:
      "The whole database as one SQLite file, copied with SQLite's backup API while the server runs and checked (PRAGMA quick_check) before it is sent; instance owner only. A large database takes a while before the first byte (about 10 s for 2 GB). Restore: see the README.",
    ok: { 200: 'file' },
    produces: [BACKUP_MEDIA_TYPE],
    errors: [401, 403, 429],
  },
});
