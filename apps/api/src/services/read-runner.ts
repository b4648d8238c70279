import { Worker } from 'node:worker_threads';
import { DomainError } from '../errors';
import type { ReadJob } from './read-job';

export type ReadRunner = ((job: ReadJob) => Promise<unknown>) & { close(): Promise<void> };

type Reply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; statusCode: number; message: string };

/** An idle worker is stopped after this long, giving back its heap and page cache. */
const IDLE_MS = 60_000;

/**
 * Runs heavy reads in one long-lived worker thread with its own read-only connection to
 * `databaseFile` (docs/decisions/011): SQLite in WAL mode lets it read beside the writer, and the
 * API thread goes on answering while it counts. Jobs queue in the worker in arrival order. The
 * worker starts on the first job and stops when idle; if it dies, its jobs fail and the next job
 * starts a new one.
 */
export function createReadRunner(workerUrl: URL, databaseFile: string): ReadRunner {
  const fromSource = workerUrl.pathname.endsWith('.ts');
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let worker: Worker | null = null;
  let nextId = 0;
  let idle: NodeJS.Timeout | undefined;

  function start(): Worker {
    const options = {
      workerData: { databaseFile, entry: workerUrl.href, tsx: fromSource ? tsxApi() : null },
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    };
    const w = fromSource
      ? new Worker(LOAD_TYPESCRIPT, { ...options, eval: true })
      : new Worker(workerUrl, options);
    w.on('message', (reply: Reply) => {
      const job = pending.get(reply.id);
      pending.delete(reply.id);
      if (!job) return;
      if (reply.ok) job.resolve(reply.result);
      else if (reply.statusCode < 500) job.reject(new DomainError(reply.statusCode, reply.message));
      else job.reject(new Error(reply.message));
      if (pending.size === 0) idleSoon();
    });
    const fail = (err: Error) => {
      if (worker === w) worker = null;
      for (const job of pending.values()) job.reject(err);
      pending.clear();
    };
    w.on('error', (err) => fail(new Error(`The read worker stopped: ${err.message}`)));
    w.on('exit', (code) => fail(new Error(`The read worker stopped (exit code ${code})`)));
    return w;
  }
  function idleSoon() {
    clearTimeout(idle);
    idle = setTimeout(() => {
      if (pending.size === 0) void stop();
    }, IDLE_MS).unref();
  }
  async function stop() {
    const w = worker;
    worker = null;
    clearTimeout(idle);
    if (w) await w.terminate();
  }
  const run = (job: ReadJob) =>
    new Promise<unknown>((resolve, reject) => {
      clearTimeout(idle);
      worker ??= start();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, job });
    });
  return Object.assign(run, { close: stop });
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
