import { backupEndpoints } from '@kodbok/contracts';
import { urlOf } from '../../../lib/api-client';

/**
 * The whole database as one SQLite file (instance owner only). Fetched by a plain link, so the
 * browser streams it to disk however large it is.
 */
export function backupDownloadUrl(): string {
  return urlOf(backupEndpoints.getBackup);
}
