import { isBusy, waitingAtMost, type Db } from './connection';
import { lockWaitersOf } from './lock-waiters';
import { writeGateOf } from './write-gate';

interface Pending {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/**
 * Group commit for small, frequent writes (a coder's highlights). Writes queued in the same turn
 * of the event loop run in ONE transaction, and one failure rolls back only itself (see
 * `runBatch`); every caller's promise settles after the shared COMMIT, so nobody is told "saved"
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
  options: {
    busy?: { retryMs: number; maxWaitMs: number; waitMs: number };
    /**
     * A group's own bulk writes: `begin` and `end` run first and last in a group's transaction;
     * `abandon` after a transaction that failed (rolled back, `end` not run). Not in the second
     * run with a savepoint per item: a bulk write made inside an item's savepoint would go with
     * that item if it failed, and the second run is rare.
     */
    around?: { begin(): void; end(): void; abandon(): void };
  } = {},
) {
  const busy = options.busy ?? { retryMs: 25, maxWaitMs: 30_000, waitMs: 5 };
  const { around } = options;
  let queue: Pending[] = [];
  const waiters = lockWaitersOf(db);
  const gate = writeGateOf(db);
  /**
   * One transaction for the whole batch. `isolated`: each item in its own savepoint. Savepoints
   * cost every item more than its own writes (SQLite copies each page an item changes a second
   * time into the statement journal, and the excerpt search's index writes a new segment at every
   * savepoint), so a batch first runs without them; only when an item fails is the batch rolled
   * back and run again isolated, so that the failure takes back only that item's writes.
   */
  const runBatch = (batch: Pending[], isolated: boolean) => {
    const outcomes: Array<() => void> = [];
    let itemFailed = false;
    // IMMEDIATE: the write lock is taken at BEGIN, before any item runs, so a lock held by
    // another connection (an import being stored) is met here and not halfway through.
    const group = db.$client.transaction(() => {
      if (!isolated) around?.begin();
      for (const item of batch) {
        if (!isolated) {
          let value: unknown;
          try {
            value = item.fn();
          } catch (err) {
            itemFailed = true;
            throw err;
          }
          outcomes.push(() => item.resolve(value));
          continue;
        }
        try {
          const value = db.$client.transaction(item.fn)();
          outcomes.push(() => item.resolve(value));
        } catch (err) {
          outcomes.push(() => item.reject(err));
        }
      }
      if (!isolated) around?.end();
    });
    try {
      waitingAtMost(db, busy.waitMs, () => group.immediate());
      return outcomes;
    } catch (err) {
      around?.abandon();
      if (!itemFailed) throw err;
      // A lone item's failure is its own: the rollback took back exactly its writes.
      if (batch.length === 1) return [() => batch[0]!.reject(err)];
      return runBatch(batch, true);
    }
  };
  /** `waiting`: the batch met the lock before and is counted among its waiters until through. */
  const flush = (batch: Pending[], since: number, waiting = false) => {
    let outcomes: Array<() => void>;
    try {
      outcomes = runBatch(batch, false);
    } catch (err) {
      // The lock is taken: try again shortly, without blocking the event loop meanwhile.
      if (isBusy(err) && Date.now() - since < busy.maxWaitMs) {
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
    // Held while the checkpoint worker finishes (write-gate.ts): the queue goes on growing.
    if (gate.held()) return gate.whenOpen(flushQueue);
    const batch = queue;
    queue = [];
    flush(batch, Date.now());
    gate.holdIfAsked();
  };
  return {
    /**
     * Runs `fn` (synchronous, repository calls only) in the next group transaction. `fn` may run
     * twice (once more when another item of its batch failed, the first run rolled back): it must
     * change nothing but the database.
     */
    run<T>(fn: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (queue.length === 0) setImmediate(flushQueue);
        queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      });
    },
  };
}
export type GroupCommitter = ReturnType<typeof createGroupCommitter>;
