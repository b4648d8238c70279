import { BACKUP_PATH } from '@kodbok/contracts';

/**
 * GET /api/admin/backup: the whole database as one SQLite file (instance owner only). Fetched by a
 * plain link, so the browser streams it to disk however large it is.
 */
export function backupDownloadUrl(): string {
  return BACKUP_PATH;
}
