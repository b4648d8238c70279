import { parentPort, workerData } from 'node:worker_threads';
import { createRepositories, openDatabase } from '@kodbok/db';
import { DomainError } from './errors';
import { runReadJob, type ReadJob } from './services/read-job';

/*
 * The read worker (docs/decisions/011), started by services/read-runner.ts: heavy reads, already
 * authorised, on a read-only connection of its own, one job at a time.
 */
const { databaseFile } = workerData as { databaseFile: string };
const db = openDatabase(databaseFile, { migrate: false, readonly: true });
const repos = createRepositories(db);

parentPort!.on('message', ({ id, job }: { id: number; job: ReadJob }) => {
  try {
    parentPort!.postMessage({ id, ok: true, result: runReadJob(repos, job) });
  } catch (err) {
    parentPort!.postMessage({
      id,
      ok: false,
      statusCode: err instanceof DomainError ? err.statusCode : 500,
      message: err instanceof Error ? err.message : String(err),
    });
  }
});
