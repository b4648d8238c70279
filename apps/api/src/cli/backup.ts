import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { checkDatabase } from '@kodbok/db';
import { dataPaths } from '../config';
import { backupFileName, makeBackup } from '../services/backup-file';
import { describeCounts, fail, megabytes } from './report';

/*
 * `npm run backup [-- <folder>]`: a consistent copy of the database the server in KODBOK_DATA_DIR
 * uses, made with SQLite's backup API while the server runs and takes writes, then checked
 * (docs/decisions/017). Writes kodbok-backup-<UTC time>.sqlite to <folder>, by default the data
 * folder's backups/, and prints where, how big and what it holds.
 */
const { databaseFile, backupDir } = dataPaths();
const folder = path.resolve(process.argv[2] ?? backupDir);
if (!existsSync(databaseFile))
  fail(`There is no database at ${databaseFile}: set KODBOK_DATA_DIR to the server's data folder.`);

try {
  const started = performance.now();
  const backup = await makeBackup(databaseFile, path.join(folder, backupFileName(new Date())));
  const integrity = checkDatabase(backup.file);
  if (integrity.join() !== 'ok') {
    rmSync(backup.file, { force: true });
    fail(`The copy failed its integrity check, and was removed: ${integrity.join('; ')}`);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`Backed up ${databaseFile}
  to        ${backup.file}
  size      ${megabytes(backup.bytes)} (${backup.bytes} bytes)
  checked   integrity_check ok
  holds     ${describeCounts(backup.report.counts)}
  took      ${seconds.toFixed(1)} s
Restore it with: npm run restore -- ${backup.file}`);
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
