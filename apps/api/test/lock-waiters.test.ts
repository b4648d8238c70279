import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { lockWaitersOf, openDatabase } from '@kodbok/db';

/*
 * An import pauses between its slices for the API thread's writers that wait for the lock, and
 * only for them (packages/db/src/lock-waiters.ts, docs/decisions/019).
 */

const dir = mkdtempSync(path.join(tmpdir(), 'kodbok-waiters-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = openDatabase(path.join(dir, 'kodbok.sqlite'));
afterAll(() => db.$client.close());

/**
 * Writers on another thread getting through, one after `ms[0]`, the next after `ms[1]`, …: each
 * does what `LockWaiters.end` does (this thread is held in the pause meanwhile).
 */
function writersThrough(buffer: SharedArrayBuffer, ms: number[]) {
  return new Worker(
    `const { workerData } = require('node:worker_threads');
    const count = new Int32Array(workerData.buffer);
    const start = Date.now();
    for (const at of workerData.ms) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, at - (Date.now() - start)));
      Atomics.sub(count, 0, 1);
      Atomics.notify(count, 0);
    }`,
    { eval: true, workerData: { buffer, ms } },
  );
}

describe('the writers waiting for the lock', () => {
  it('do not hold an import when there are none', () => {
    const waiters = lockWaitersOf(db);
    const start = Date.now();
    waiters.pauseWhileWaiting(5_000);
    expect(Date.now() - start).toBeLessThan(1_000);
  });

  it('hold an import until the last of them is through, and no longer', async () => {
    const waiters = lockWaitersOf(db);
    waiters.begin();
    waiters.begin();
    const writers = writersThrough(waiters.buffer, [100, 400]);
    const start = performance.now();
    waiters.pauseWhileWaiting(30_000);
    const paused = performance.now() - start;
    // Not at the first writer's end, but at the second's, and not until the longest pause.
    expect(paused).toBeGreaterThanOrEqual(350);
    expect(paused).toBeLessThan(10_000);
    await writers.terminate();
  });

  it('hold an import at most for its longest pause', () => {
    const waiters = lockWaitersOf(db);
    waiters.begin();
    try {
      const start = performance.now();
      waiters.pauseWhileWaiting(60);
      expect(performance.now() - start).toBeGreaterThanOrEqual(55);
    } finally {
      waiters.end();
    }
  });

  it('are shared by a connection and the worker given its buffer', () => {
    const api = lockWaitersOf(db);
    const workerDb = openDatabase(path.join(dir, 'kodbok.sqlite'), { migrate: false });
    try {
      const worker = lockWaitersOf(workerDb, api.buffer);
      expect(lockWaitersOf(db)).toBe(api);
      api.begin();
      const start = performance.now();
      worker.pauseWhileWaiting(60);
      expect(performance.now() - start).toBeGreaterThanOrEqual(55);
      api.end();
    } finally {
      workerDb.$client.close();
    }
  });
});
