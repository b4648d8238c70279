import { isBusy, waitingAtMost, type Db } from './connection';
import { lockWaitersOf } from './lock-waiters';

interface Pending {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/**
 * Group commit for small, frequent writes (a coder's highlights). Writes queued in the same turn
 * of the event loop run in ONE transaction, each in its own savepoint so one failure rolls back
 * only itself; every caller's promise settles after the shared COMMIT, so nobody is told "saved"
 * before the data is durable. A commit costs far more than an insert in SQLite, so under load this
 * multiplies write throughput; alone, a write waits only for the current event-loop turn.
 * While another connection holds the write lock (an import being stored), the batch waits for it
 * by retrying every `busy.retryMs`, not by blocking the event loop, for up to `busy.maxWaitMs`.
 * Each try blocks at most `busy.waitMs`, whatever the connection's own busy timeout: an import
 * frees the lock between its slices (docs/decisions/019), and a short wait catches that moment
 * while a lock held for long costs the event loop little.
 */
export function createGroupCommitter(
  db: Db,
  busy: { retryMs: number; maxWaitMs: number; waitMs: number } = {
    retryMs: 25,
    maxWaitMs: 30_000,
    waitMs: 5,
  },
) {
  let queue: Pending[] = [];
  const waiters = lockWaitersOf(db);
  /** `waiting`: the batch met the lock before and is counted among its waiters until through. */
  const flush = (batch: Pending[], since: number, waiting = false) => {
    const outcomes: Array<() => void> = [];
    try {
      // IMMEDIATE: the write lock is taken at BEGIN, before any item runs, so a lock held by
      // another connection (an import being stored) is met here and not halfway through.
      const group = db.$client.transaction(() => {
        for (const item of batch) {
          try {
            const value = db.$client.transaction(item.fn)();
            outcomes.push(() => item.resolve(value));
          } catch (err) {
            outcomes.push(() => item.reject(err));
          }
        }
      });
      waitingAtMost(db, busy.waitMs, () => group.immediate());
    } catch (err) {
      // The lock is taken: try again shortly, without blocking the event loop meanwhile.
      if (outcomes.length === 0 && isBusy(err) && Date.now() - since < busy.maxWaitMs) {
        if (!waiting) waiters.begin();
        setTimeout(() => flush(batch, since, true), busy.retryMs);
        return;
      }
      if (waiting) waiters.end();
      // The COMMIT itself failed (disk full, I/O error): nothing in the batch was stored.
      for (const item of batch) item.reject(err);
      return;
    }
    if (waiting) waiters.end();
    for (const settle of outcomes) settle();
  };
  const flushQueue = () => {
    const batch = queue;
    queue = [];
    flush(batch, Date.now());
  };
  return {
    /** Runs `fn` (synchronous, repository calls only) in the next group transaction. */
    run<T>(fn: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (queue.length === 0) setImmediate(flushQueue);
        queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      });
    },
  };
}
export type GroupCommitter = ReturnType<typeof createGroupCommitter>;
