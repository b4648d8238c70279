import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { checkDatabase, databaseInUse } from '@kodbok/db';
import { dataPaths } from '../config';
import { makeBackup, utcStamp } from '../services/backup-file';
import { describeCounts, fail } from './report';

/*
 * `npm run restore -- <backup file>`: makes a backup the database of the data folder
 * (KODBOK_DATA_DIR), with the server stopped (docs/decisions/017). It refuses while the server
 * runs: swapping the file under an open connection would lose writes or corrupt the database.
 * The backup is copied in beside the database and checked before anything is replaced, and the
 * database it replaces is kept, renamed, not deleted.
 */
const backupFile = process.argv[2];
if (!backupFile) fail('Usage: npm run restore -- <backup file>');
if (!existsSync(backupFile)) fail(`There is no file ${path.resolve(backupFile)}.`);
const { dataDir, databaseFile } = dataPaths();
const STOP_FIRST = `The server is running (${databaseFile} is in use): stop it, then restore again.`;
if (databaseInUse(databaseFile)) fail(STOP_FIRST);

const incoming = path.join(dataDir, `.restoring-${randomUUID()}.sqlite`);
try {
  // The backup API again: a file some tool left in WAL mode is read with its WAL.
  const { report } = await makeBackup(path.resolve(backupFile), incoming);
  const integrity = checkDatabase(incoming);
  if (integrity.join() !== 'ok')
    throw new Error(`The backup fails its integrity check: ${integrity.join('; ')}`);
  // Checked again just before the swap: the server may have been started meanwhile.
  if (databaseInUse(databaseFile)) throw new Error(STOP_FIRST);
  const keptAs = setAside(databaseFile);
  renameSync(incoming, databaseFile);
  console.log(
    [
      `Restored ${path.resolve(backupFile)}`,
      `  into      ${databaseFile}`,
      `  holds     ${describeCounts(report.counts)}`,
      ...(keptAs ? [`  previous  ${keptAs} (delete it once the restored data is right)`] : []),
      'Start the server.',
    ].join('\n'),
  );
} catch (err) {
  rmSync(incoming, { force: true });
  fail(err instanceof Error ? err.message : String(err));
}

/**
 * Renames the database with its -wal and -shm (a WAL left beside the restored file would be
 * replayed into it) to kodbok-before-restore-<time>.sqlite; its path, or null if there was none.
 */
function setAside(file: string): string | null {
  if (!existsSync(file)) return null;
  const kept = path.join(
    path.dirname(file),
    `kodbok-before-restore-${utcStamp(new Date())}.sqlite`,
  );
  for (const suffix of ['-wal', '-shm', '']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, kept + suffix);
  }
  return kept;
}
