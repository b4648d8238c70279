import { performance } from 'node:perf_hooks';
import { atNormalPriority } from '../background-priority';
import { deleteProjectAndItsCoders } from './project.service';
import {
  inTransaction,
  isBusy,
  lockWaitersOf,
  type Db,
  type NewStudy,
  type Repositories,
} from '@kodbok/db';

/**
 * How an import shares SQLite's one write lock (docs/decisions/019): it writes for at most
 * `sliceMs` and commits; then, if writers on the API thread are waiting for the lock
 * (`LockWaiters`), it leaves the lock free until they are through, for at most `pauseMs`. Such a
 * writer polls for the lock (every 15 ms from a route, every 25 ms from the group commit), so a
 * pause of 25 ms is always seen by one of its polls.
 */
export interface Slicing {
  sliceMs: number;
  pauseMs: number;
  /** Called after each committed slice (1, 2, …): tests inject a failure or watch here. */
  afterSlice?: (slice: number) => void;
}

export const SLICING: Slicing = { sliceMs: 20, pauseMs: 25 };

/**
 * One IMMEDIATE transaction of an import, run at the thread's normal priority: a worker holds
 * the write lock only as long as it must, even when its low priority would leave it waiting for
 * a core (background-priority.ts).
 */
export function lockedTransaction<T>(db: Db, fn: () => T): T {
  return atNormalPriority(() => inTransaction(db, fn, { immediate: true }));
}

/**
 * Runs `write(0)`, `write(1)`, … `write(count - 1)` in slices: each slice an IMMEDIATE
 * transaction that writes for at most about `sliceMs` (at least one step), commits, then leaves
 * the lock free while the API thread's writers wait, for at most `pauseMs`. A step is the
 * smallest unit that may be seen committed alone.
 */
export function writeInSlices(
  db: Db,
  count: number,
  write: (step: number) => void,
  slicing: Slicing = SLICING,
): void {
  let done = 0;
  let slice = 0;
  while (done < count) {
    lockedTransaction(db, () => {
      const start = performance.now();
      do write(done++);
      while (done < count && performance.now() - start < slicing.sliceMs);
    });
    slicing.afterSlice?.(++slice);
    if (done < count) lockWaitersOf(db).pauseWhileWaiting(slicing.pauseMs);
  }
}

/**
 * Writes `items` into the staging project in slices (`writeInSlices`); the ids of the new
 * studies, in order.
 */
export function stageInSlices(
  db: Db,
  repos: Repositories,
  staging: { id: string; stagedFor: string },
  items: readonly NewStudy[],
  slicing: Slicing = SLICING,
): string[] {
  // The documents name the target project at once: listed only through their (hidden) studies,
  // they need no move when the studies are published, which keeps that transaction short.
  const insert = repos.studies.inserter(staging.id, staging.stagedFor);
  const ids: string[] = [];
  writeInSlices(db, items.length, (i) => ids.push(insert(items[i]!)), slicing);
  return ids;
}

/**
 * Deletes one slice of a staging project (at most about `sliceMs` of deleting studies, whose
 * documents, coding and attributes go by cascade), then the project itself once it has no
 * studies left, with the password-less coder accounts a REFI-QDA import created for it: nobody
 * else knows of them, and they must not outlive it. True when nothing is left. A staging
 * project only: a real project goes through the project service.
 */
export function discardSlice(db: Db, repos: Repositories, stagingId: string, sliceMs = 20) {
  return lockedTransaction(db, () => {
    // Reported by a worker that was stopped just after publishing: the project is a real one now.
    if (!repos.projects.isStaging(stagingId)) return true;
    const start = performance.now();
    // A REFI-QDA import's coding first, in small bites: 50 coded studies at once are too many.
    while (performance.now() - start < sliceMs)
      if (repos.highlights.deleteSome(stagingId, 100) > 0) continue;
      else if (repos.studies.deleteSome(stagingId, 50) === 0) {
        deleteProjectAndItsCoders(repos, stagingId);
        return true;
      }
    return false;
  });
}

/** Discards a staging project slice by slice on this (worker) thread, pausing for waiting writers. */
export function discardNow(db: Db, repos: Repositories, stagingId: string): void {
  while (!discardSlice(db, repos, stagingId)) lockWaitersOf(db).pauseWhileWaiting(SLICING.pauseMs);
}

/**
 * Discards a staging project from the API thread without holding its event loop: one short
 * slice per timer tick. A slice that meets the lock (SQLITE_BUSY) is tried again next tick.
 */
export function discardInBackground(
  db: Db,
  repos: Repositories,
  stagingId: string,
  onError: (err: unknown) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const step = () => {
      try {
        if (discardSlice(db, repos, stagingId)) return resolve();
      } catch (err) {
        if (!isBusy(err)) {
          onError(err);
          return resolve();
        }
      }
      setTimeout(step, SLICING.pauseMs);
    };
    step();
  });
}
