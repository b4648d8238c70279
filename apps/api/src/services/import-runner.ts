import { Worker } from 'node:worker_threads';
import type { ImportPreview, ImportResult } from '@kodbok/contracts';
import { DomainError } from '../errors';
import type { ImportJob } from './import-run';
import type { Upload } from './types';

type Outcome<R> = { ok: true; result: R } | { ok: false; statusCode: number; message: string };

export type ImportRunner = WorkerRunner<ImportJob, ImportPreview | ImportResult>;
/** Runs one job in a worker of its own; the REFI-QDA exchange uses it too (refi-worker.ts). */
export type WorkerRunner<J, R> = (job: J) => Promise<R>;

/**
 * Runs each import in a new worker thread (`workerUrl`, the import-worker module: TypeScript
 * from source, JavaScript in the bundle) on its own connection to `databaseFile`. The worker's
 * heap is capped, so a file that would need more fails alone instead of taking the server down.
 * The REFI-QDA worker (refi-worker.ts) runs the same way, with its own job and result types.
 */
export function createImportRunner<J extends object = ImportJob, R = ImportPreview | ImportResult>(
  workerUrl: URL,
  databaseFile: string,
  what = 'import',
): WorkerRunner<J, R> {
  const fromSource = workerUrl.pathname.endsWith('.ts');
  return (job) =>
    new Promise<R>((resolve, reject) => {
      const options = {
        workerData: { databaseFile, job, entry: workerUrl.href, tsx: fromSource ? tsxApi() : null },
        resourceLimits: { maxOldGenerationSizeMb: 1536 },
        // The files' bytes move to the worker instead of being copied (the job is not reused).
        transferList: ((job as { upload?: Upload }).upload?.files ?? []).map(
          (f) => f.bytes.buffer as ArrayBuffer,
        ),
      };
      const worker = fromSource
        ? new Worker(LOAD_TYPESCRIPT, { ...options, eval: true })
        : new Worker(workerUrl, options);
      let settled = false;
      worker.once('message', (outcome: Outcome<R>) => {
        settled = true;
        if (outcome.ok) resolve(outcome.result);
        else if (outcome.statusCode < 500)
          reject(new DomainError(outcome.statusCode, outcome.message));
        else reject(new Error(outcome.message));
      });
      worker.once('error', (err) => {
        settled = true;
        reject(new Error(`The ${what} stopped: ${err.message}`));
      });
      worker.once('exit', (code) => {
        if (!settled) reject(new Error(`The ${what} stopped (worker exit code ${code})`));
      });
    });
}

/**
 * From source (tests, `npm run dev`) the worker is TypeScript. On Node 20 a worker cannot get
 * tsx through execArgv (nodejs/node#47747), so a small script registers it, then loads the module.
 */
const LOAD_TYPESCRIPT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => {
  tsx.register();
  return import(workerData.entry);
});
`;

const tsxApi = () => import.meta.resolve('tsx/esm/api');
