import { parentPort, workerData } from 'node:worker_threads';
import { createRepositories, lockWaitersOf, openDatabase } from '@kodbok/db';
import { DomainError } from './errors';
import { runRefiJob, type RefiJob } from './services/refi-run';
import { yieldToApiThread } from './background-priority';

/*
 * One REFI-QDA exchange (a .qdpx export, a project or codebook import) in a thread of its own,
 * started by services/import-runner.ts like a study import (docs/decisions/010, 013): unzipping,
 * parsing and every document's text stay off the API thread and leave with this heap.
 */
yieldToApiThread();
const { databaseFile, lockWaiters, job } = workerData as {
  databaseFile: string;
  lockWaiters?: SharedArrayBuffer;
  job: RefiJob;
};
const db = openDatabase(databaseFile, { migrate: false });
// The API thread's writers waiting for the lock, for whom the slices pause (import-staging.ts).
if (lockWaiters) lockWaitersOf(db, lockWaiters);
try {
  // The runner deletes the new project if this thread is stopped part-way (docs/decisions/019).
  const result = runRefiJob(db, createRepositories(db), job, {
    onStaging: (projectId) => parentPort!.postMessage({ staging: projectId }),
  });
  const transfer = result instanceof Uint8Array ? [result.buffer as ArrayBuffer] : [];
  parentPort!.postMessage({ ok: true, result }, transfer);
} catch (err) {
  parentPort!.postMessage({
    ok: false,
    statusCode: err instanceof DomainError ? err.statusCode : 500,
    message: err instanceof Error ? err.message : String(err),
  });
} finally {
  db.$client.close();
}
