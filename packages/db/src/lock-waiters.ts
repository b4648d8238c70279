import type { Db } from './connection';

/**
 * The API thread's writes now waiting for SQLite's one write lock while another thread's
 * connection holds it (an import storing its slices, docs/decisions/019), counted in memory that
 * the import's thread shares. Between two slices the import pauses only while somebody waits, and
 * only until they are through: a fixed pause after every slice cost a 10,000-record import about
 * a second and a half when nobody was writing, and was too short for a writer that came late.
 */
export interface LockWaiters {
  /** To hand to a worker thread, which adopts it for its own connection. */
  readonly buffer: SharedArrayBuffer;
  /** A write met the lock (SQLITE_BUSY) and will try again. */
  begin(): void;
  /** That write is through, or has given up. */
  end(): void;
  /** Blocks this (worker) thread while writers wait, for at most `maxMs`. */
  pauseWhileWaiting(maxMs: number): void;
}

const byConnection = new WeakMap<Db, LockWaiters>();

/** The waiters of `db`'s lock, shared from `buffer` (a worker) or new (the API thread). */
export function lockWaitersOf(db: Db, buffer?: SharedArrayBuffer): LockWaiters {
  const known = byConnection.get(db);
  if (known && (!buffer || known.buffer === buffer)) return known;
  const waiters = lockWaiters(buffer ?? new SharedArrayBuffer(4));
  byConnection.set(db, waiters);
  return waiters;
}

function lockWaiters(buffer: SharedArrayBuffer): LockWaiters {
  const count = new Int32Array(buffer);
  return {
    buffer,
    begin: () => void Atomics.add(count, 0, 1),
    end() {
      if (Atomics.sub(count, 0, 1) === 1) Atomics.notify(count, 0);
    },
    pauseWhileWaiting(maxMs) {
      const until = performance.now() + maxMs;
      for (;;) {
        const waiting = Atomics.load(count, 0);
        const left = until - performance.now();
        if (waiting <= 0 || left <= 0) return;
        // Woken by `end` when the count changes, or at the deadline.
        Atomics.wait(count, 0, waiting, left);
      }
    },
  };
}
