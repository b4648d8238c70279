import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { openDatabase } from './connection';

/** What a copy holds, read back from the copy itself. */
export interface CopyReport {
  /** `PRAGMA quick_check` of the copy: `['ok']`, or the problems it found. */
  quickCheck: string[];
  /** Rows per table, for the person who made the copy to recognise it. */
  counts: Record<CountedTable, number>;
}

const COUNTED_TABLES = [
  'users',
  'projects',
  'studies',
  'documents',
  'codes',
  'highlights',
  'memos',
] as const;
export type CountedTable = (typeof COUNTED_TABLES)[number];

/**
 * The worker's code, plain CommonJS so it runs the same from source and from the server bundle
 * (as the checkpointer's does, docs/decisions/009). The copy is one backup step over every page:
 * SQLite reads them all in one read transaction, so the copy is the database as of one commit,
 * while the server's writers go on appending to the WAL beside it (docs/decisions/017). Then the
 * copy is made a self-contained file (rollback journal, no -wal to lose) and checked: the quick
 * check reads every page and b-tree but does not compare each index with its table, which on a
 * large file takes much longer; checkDatabase() (the CLIs) does the full check.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
async function run() {
  const source = new Database(workerData.source, { readonly: true, fileMustExist: true });
  try {
    await source.backup(workerData.destination, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new Database(workerData.destination, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const quickCheck = copy.pragma('quick_check').map((r) => r.quick_check);
    const counts = {};
    for (const table of workerData.tables)
      counts[table] = copy.prepare('SELECT count(*) FROM "' + table + '"').pluck().get();
    return { quickCheck, counts };
  } finally {
    copy.close();
  }
}
run().then(
  (report) => parentPort.postMessage({ ok: true, report }),
  (err) => parentPort.postMessage({ ok: false, message: err.message }),
);
`;

type Reply = { ok: true; report: CopyReport } | { ok: false; message: string };

/**
 * Copies the SQLite database `source` to the new file `destination` with SQLite's online backup
 * API, while other connections (the running server's) read and write it, then checks the copy.
 * Runs in a worker thread, so the caller's event loop is never held by the copy (a 1.8 GB
 * database takes 3–6 s, its quick check 3–4 s more). Rejects if the copy fails or the file
 * is not a Kodbok database; a partial destination file is left to the caller to remove.
 */
export function copyDatabase(source: string, destination: string): Promise<CopyReport> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      source,
      destination,
      tables: COUNTED_TABLES,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
    },
  });
  return new Promise<CopyReport>((resolve, reject) => {
    worker.once('message', (reply: Reply) => {
      if (reply.ok) resolve(reply.report);
      else reject(new Error(`The database could not be copied: ${reply.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The copy stopped (exit code ${code})`)));
  }).finally(() => void worker.terminate());
}

/**
 * Whether another connection, in this process or another, has the database open: a running
 * server always does (in WAL mode each connection keeps a shared lock on the file while open).
 * Asks for an exclusive lock without waiting; a file that is not there is not in use. Opening
 * the file also folds in a WAL a crashed server left behind.
 */
export function databaseInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'SQLITE_BUSY') return true;
    throw err;
  } finally {
    db.close();
  }
}

/**
 * `PRAGMA integrity_check` of a database file, on a read-only connection that knows Kodbok's SQL
 * functions (indexes use them): `['ok']`, or the problems found. Holds the calling thread (12 s
 * for 1.8 GB): for the backup and restore commands, not the server.
 */
export function checkDatabase(file: string): string[] {
  const db = openDatabase(file, { readonly: true, migrate: false });
  try {
    return (db.$client.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
      (r) => r.integrity_check,
    );
  } finally {
    db.$client.close();
  }
}
