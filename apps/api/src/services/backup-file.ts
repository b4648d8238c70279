import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { copyDatabase, type CopyReport } from '@kodbok/db';

/** A checked copy of the database. */
export interface Backup {
  file: string;
  bytes: number;
  report: CopyReport;
}

/** "20261129T051000Z": UTC, sorts by time, no colons (which Windows and macOS refuse in names). */
export const utcStamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** "kodbok-backup-20261129T051000Z.sqlite". */
export const backupFileName = (date: Date) => `kodbok-backup-${utcStamp(date)}.sqlite`;

/**
 * Makes `destination`, a new file, a consistent copy of the live database with SQLite's backup
 * API (packages/db/src/backup.ts) while the server may be writing, and checks it. A copy that
 * fails or does not pass the check is removed, so a file left behind is a good one.
 */
export async function makeBackup(databaseFile: string, destination: string): Promise<Backup> {
  mkdirSync(path.dirname(destination), { recursive: true });
  // The backup API would overwrite a file in its way: an earlier backup is never replaced.
  if (existsSync(destination)) throw new Error(`${destination} exists already`);
  try {
    const report = await copyDatabase(databaseFile, destination);
    if (report.quickCheck.join() !== 'ok')
      throw new Error(`The copy failed its check: ${report.quickCheck.join('; ')}`);
    return { file: destination, bytes: statSync(destination).size, report };
  } catch (err) {
    rmSync(destination, { force: true });
    rmSync(`${destination}-journal`, { force: true });
    throw err;
  }
}
