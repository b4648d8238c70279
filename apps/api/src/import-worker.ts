import { parentPort, workerData } from 'node:worker_threads';
import { createRepositories, lockWaitersOf, openDatabase } from '@kodbok/db';
import { DomainError } from './errors';
import { runImport, type ImportJob } from './services/import-run';
import { yieldToApiThread } from './background-priority';
import { jsonBytes } from './worker-bytes';

/*
 * One import in a thread of its own (docs/decisions/010), started by services/import-runner.ts
 * with the job already authorised. Parsing ten thousand records makes a few hundred MB of
 * short-lived objects: here they go with the thread's heap when it ends, instead of growing the
 * server's, and the server keeps answering while the file is parsed.
 */
yieldToApiThread();
const { databaseFile, lockWaiters, job } = workerData as {
  databaseFile: string;
  lockWaiters?: SharedArrayBuffer;
  job: ImportJob;
};
const db = openDatabase(databaseFile, { migrate: false, cacheMb: 8 });
// The API thread's writers waiting for the lock, for whom the slices pause (import-staging.ts).
if (lockWaiters) lockWaitersOf(db, lockWaiters);
try {
  // The runner deletes the staging project if this thread is stopped part-way (docs/decisions/019).
  const result = runImport(db, createRepositories(db), job, {
    onStaging: (stagingId) => parentPort!.postMessage({ staging: stagingId }),
  });
  // A preview lists every duplicate (10,000 on a re-import): sent as JSON bytes, written here.
  if (job.mode === 'preview') {
    const bytes = jsonBytes(result);
    parentPort!.postMessage({ ok: true, result: bytes }, [bytes.buffer as ArrayBuffer]);
  } else parentPort!.postMessage({ ok: true, result });
} catch (err) {
  parentPort!.postMessage({
    ok: false,
    statusCode: err instanceof DomainError ? err.statusCode : 500,
    message: err instanceof Error ? err.message : String(err),
  });
} finally {
  db.$client.close();
}
