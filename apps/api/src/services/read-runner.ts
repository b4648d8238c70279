import { Readable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-start';
import { DomainError } from '../errors';
import type { ExportFile } from './export.service';
import type { ExportJob } from './export-job';
import type { ReadJob } from './read-job';
import type { CaughtUp } from './copies';
import { asBuffer, type JsonBytes } from '../worker-bytes';

/**
 * A view's answer as the read worker writes it: JSON in UTF-8, sent by the API thread as it is
 * (routes/json-text.ts), so that not even serialising a big view holds the thread (issue 13).
 */
export type { JsonBytes } from '../worker-bytes';

export type ReadRunner = (<T>(job: ReadJob) => Promise<JsonBytes<T>>) & {
  /** Runs an export in the worker: its file, whose body streams as the client takes it. */
  stream(job: ExportJob): Promise<ExportFile>;
  /**
   * Brings the worker's in-memory copies up to date from counts_log and highlights_log, if it
   * runs: the oldest change each kind of copy still needs (null: it holds none, or does not run).
   */
  catchUp(): Promise<CaughtUp>;
  close(): Promise<void>;
};

type Failure = { statusCode: number; message: string };
type Reply =
  | ({ id: number } & ({ ok: true; result: unknown } | ({ ok: false } & Failure)))
  | { id: number; type: 'head'; name: ExportFile['name']; format: ExportFile['format'] }
  | { id: number; type: 'chunk'; bytes: Uint8Array }
  | { id: number; type: 'end' }
  | ({ id: number; type: 'error'; started: boolean } & Failure);

/** What the API thread holds of a job under way: a counting job's promise, or an export's stream. */
interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  body?: Readable;
  /** The worker the job was sent to: only its death fails the job. */
  worker: Worker;
  /** Housekeeping (catching counts up): it neither keeps the worker from idling nor wakes it. */
  quiet?: boolean;
}

const errorOf = (f: Failure) =>
  f.statusCode < 500 ? new DomainError(f.statusCode, f.message) : new Error(f.message);

/** An idle worker is stopped after this long, giving back its heap and page cache. */
const IDLE_MS = 60_000;

/**
 * Runs heavy reads in one long-lived worker thread with its own read-only connection to
 * `databaseFile` (docs/decisions/011): SQLite in WAL mode lets it read beside the writer, and the
 * API thread goes on answering while it counts. Jobs queue in the worker in arrival order. The
 * worker starts on the first job and stops when idle; if it dies, its jobs fail and the next job
 * starts a new one. Exports stream from it too (docs/decisions/012): pages are read and written
 * there, and the bytes cross to the API thread only as fast as the client takes them.
 */
export function createReadRunner(workerUrl: URL, databaseFile: string): ReadRunner {
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let nextId = 0;
  let idle: NodeJS.Timeout | undefined;
  /** Whether the worker holds copies of counts: then it is kept when idle (counts-cache.ts). */
  let holding = false;
  /** Per export, chunks received while its client had no room: acknowledged when it reads. */
  const owed = new Map<number, number>();

  /** An export's body on the API thread; destroying it (the client left) stops the worker's read. */
  function exportBody(w: Worker, id: number): Readable {
    return new Readable({
      read() {
        const n = owed.get(id) ?? 0;
        if (n === 0) return;
        owed.delete(id);
        for (let i = 0; i < n; i++) w.postMessage({ id, ack: true });
      },
      destroy(err, callback) {
        if (pending.has(id)) {
          pending.delete(id);
          owed.delete(id);
          w.postMessage({ id, cancel: true });
          if (pending.size === 0) idleSoon();
        }
        callback(err);
      },
    });
  }

  function start(): Worker {
    const w = startWorker(workerUrl, {
      workerData: { databaseFile },
      // A young generation like the API thread's (--max-semi-space-size=4 in `npm run serve`):
      // the worker's garbage is short-lived, and the server's budget is 300 MB (decision 018).
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 12 },
    });
    w.on('message', (reply: Reply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      if ('type' in reply && reply.type === 'head') {
        job.body = exportBody(w, reply.id);
        job.resolve({ name: reply.name, format: reply.format, body: job.body });
        return;
      }
      if ('type' in reply && reply.type === 'chunk') {
        // Acknowledged once the client has room for more: the worker reads on only then.
        if (job.body!.push(reply.bytes)) w.postMessage({ id: reply.id, ack: true });
        else owed.set(reply.id, (owed.get(reply.id) ?? 0) + 1);
        return;
      }
      pending.delete(reply.id);
      owed.delete(reply.id);
      if ('ok' in reply) {
        if (reply.ok) {
          const bytes = reply.result as Uint8Array;
          job.resolve(asBuffer(bytes));
        } else job.reject(errorOf(reply));
      } else if (reply.type === 'end') job.body!.push(null);
      else if (job.body) job.body.destroy(errorOf(reply));
      else job.reject(errorOf(reply));
      if (pending.size === 0 && !job.quiet) idleSoon();
    });
    // Only this worker's jobs fail: a worker stopped when idle exits a moment later, and a job
    // sent meanwhile went to its successor.
    const fail = (err: Error) => {
      if (worker === w) {
        worker = null;
        holding = false; // its copies of counts went with it
      }
      for (const [id, job] of pending) {
        if (job.worker !== w) continue;
        pending.delete(id);
        owed.delete(id);
        if (job.body) job.body.destroy(err);
        else job.reject(err);
      }
    };
    w.on('error', (err) => fail(new Error(`The read worker stopped: ${err.message}`)));
    w.on('exit', (code) => fail(new Error(`The read worker stopped (exit code ${code})`)));
    return w;
  }
  function idleSoon() {
    clearTimeout(idle);
    idle = setTimeout(() => {
      if (holding || pending.size > 0) idleSoon();
      else void stop();
    }, IDLE_MS).unref();
  }
  async function stop() {
    const w = worker;
    worker = null;
    holding = false;
    clearTimeout(idle);
    if (w) await w.terminate();
  }
  const send = <T>(message: { job: ReadJob } | { export: ExportJob }, quiet = false) =>
    new Promise<T>((resolve, reject) => {
      if (!quiet) clearTimeout(idle);
      const w = (worker ??= start());
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, worker: w, quiet });
      w.postMessage({ id, ...message });
    });
  const run = <T>(job: ReadJob) => send<JsonBytes<T>>({ job });
  const stream = (job: ExportJob) => send<ExportFile>({ export: job });
  async function catchUp(): Promise<CaughtUp> {
    // Never starts the worker: one that does not run holds no copies to keep current.
    if (!worker) return { counts: null, highlights: null };
    const bytes = await send<JsonBytes<CaughtUp>>({ job: { kind: 'catchUp' } }, true);
    const applied = JSON.parse(bytes.toString('utf8')) as CaughtUp;
    holding = applied.counts !== null || applied.highlights !== null;
    return applied;
  }
  return Object.assign(run, { stream, catchUp, close: stop });
}
