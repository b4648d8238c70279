import { startWorker } from '../worker-start';
import type { ImportPreview, ImportResult } from '@kodbok/contracts';
import { asBuffer, type JsonBytes } from '../worker-bytes';
import { DomainError, TooManyRequestsError, UnprocessableError } from '../errors';
import type { ImportJob } from './import-run';
import type { Upload } from './types';

type Outcome<R> = { ok: true; result: R } | { ok: false; statusCode: number; message: string };
/** A worker's message: its outcome, or (before it) the staging project it writes into. */
type Message<R> = Outcome<R> | { staging: string };

export type ImportRunner = WorkerRunner<ImportJob, JsonBytes<ImportPreview> | ImportResult>;
/**
 * Runs one job in a worker of its own; the REFI-QDA exchange uses it too (refi-worker.ts).
 * `userId` counts the job against its user's share; `signal` stops it (the client went away).
 */
export type WorkerRunner<J, R> = (
  job: J,
  call?: { userId?: string; signal?: AbortSignal },
) => Promise<R>;

/** How long a job may run, and how many may run at once, in all and per user. */
export interface RunnerLimits {
  timeLimit: number;
  atOnce: { total: number; perUser: number };
}

/**
 * Deletes a staging project a worker reported and left behind: it was stopped (time limit, client
 * gone) or crashed before publishing. Runs off the event loop's critical path (import-staging.ts).
 */
export type DiscardStaging = (stagingId: string) => void;

const DEFAULT_LIMITS: RunnerLimits = { timeLimit: 120_000, atOnce: { total: 4, perUser: 2 } };

/**
 * Runs each import in a new worker thread (`workerUrl`, the import-worker module: TypeScript
 * from source, JavaScript in the bundle) on its own connection to `databaseFile`. The worker's
 * heap is capped, so a file that would need more fails alone instead of taking the server down.
 * The REFI-QDA worker (refi-worker.ts) runs the same way, with its own job and result types.
 */
export function createImportRunner<
  J extends object = ImportJob,
  R = JsonBytes<ImportPreview> | ImportResult,
>(
  workerUrl: URL,
  databaseFile: string,
  what = 'import',
  limits: RunnerLimits = DEFAULT_LIMITS,
  discard?: DiscardStaging,
  /** The API connection's `LockWaiters` buffer: the worker pauses its slices for those writers. */
  lockWaiters?: SharedArrayBuffer,
): WorkerRunner<J, R> {
  let running = 0;
  const perUser = new Map<string, number>();
  /** Takes a place for the job, or refuses it (429) when its user or the server has none. */
  function admit(userId: string | undefined): () => void {
    const mine = userId === undefined ? 0 : (perUser.get(userId) ?? 0);
    if (userId !== undefined && mine >= limits.atOnce.perUser)
      throw new TooManyRequestsError(
        `You already have ${mine} ${what}s running: wait until one has finished, then try again`,
      );
    if (running >= limits.atOnce.total)
      throw new TooManyRequestsError(
        `The server is running ${running} ${what}s for other users: try again in a minute`,
      );
    running++;
    if (userId !== undefined) perUser.set(userId, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      running--;
      if (userId === undefined) return;
      const n = (perUser.get(userId) ?? 1) - 1;
      if (n > 0) perUser.set(userId, n);
      else perUser.delete(userId);
    };
  }
  return (job, call = {}) => {
    const release = admit(call.userId);
    return new Promise<R>((resolve, reject) => {
      const worker = startWorker(workerUrl, {
        workerData: { databaseFile, lockWaiters, job },
        resourceLimits: { maxOldGenerationSizeMb: 1536, maxYoungGenerationSizeMb: 12 },
        // The files' bytes move to the worker instead of being copied (the job is not reused).
        transferList: ((job as { upload?: Upload }).upload?.files ?? []).map(
          (f) => f.bytes.buffer as ArrayBuffer,
        ),
      });
      let settled = false;
      let staging: string | null = null;
      let published = false;
      // Stopping the worker ends its transaction unfinished: SQLite keeps none of it.
      const stop = (err: Error) => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        release();
        reject(err);
      };
      const timer = setTimeout(
        () =>
          stop(
            new UnprocessableError(
              `The ${what} took longer than ${Math.round(limits.timeLimit / 1000)} s and was stopped; nothing was stored. Split the file, or send it to the team that runs Kodbok`,
            ),
          ),
        limits.timeLimit,
      );
      const onAbort = () => stop(new Error(`The ${what} was cancelled: the client went away`));
      call.signal?.addEventListener('abort', onAbort, { once: true });
      if (call.signal?.aborted) onAbort();
      worker.on('message', (message: Message<R>) => {
        if ('staging' in message) {
          staging = message.staging;
          return;
        }
        const outcome = message;
        published = outcome.ok;
        if (settled) return;
        settled = true;
        release();
        if (outcome.ok)
          resolve(
            (outcome.result instanceof Uint8Array ? asBuffer(outcome.result) : outcome.result) as R,
          );
        else if (outcome.statusCode < 500)
          reject(new DomainError(outcome.statusCode, outcome.message));
        else reject(new Error(outcome.message));
      });
      worker.once('error', (err) => stop(new Error(`The ${what} stopped: ${err.message}`)));
      worker.once('exit', (code) => {
        clearTimeout(timer);
        call.signal?.removeEventListener('abort', onAbort);
        release();
        if (!settled) stop(new Error(`The ${what} stopped (worker exit code ${code})`));
        // The worker discards its staging itself on a failure it sees; not when it was stopped.
        if (staging && !published) discard?.(staging);
      });
    });
  };
}
