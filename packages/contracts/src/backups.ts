/** GET: a consistent copy of the whole database, for the instance owner (docs/decisions/017). */
export const BACKUP_PATH = '/api/admin/backup';

/** A SQLite database file (IANA: application/vnd.sqlite3). */
export const BACKUP_MEDIA_TYPE = 'application/vnd.sqlite3';
