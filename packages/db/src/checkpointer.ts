import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './connection';
import { ASK_FOR_HOLD_SOURCE, writeGateOf } from './write-gate';

/**
 * The worker's code, plain CommonJS so it runs the same from source (tests) and from the server
 * bundle. Each request is answered after passes of PASSIVE checkpoints (which never block the
 * writer), each pass copying what the writer appended during the one before, until a pass copies
 * little. When the WAL has grown past `restartFrames`, the worker asks the API thread to hold its
 * group commits (write-gate.ts) and copies the rest: that copy reaches the WAL's end, so the next
 * write starts the WAL afresh.
 *
 * The worker syncs the files itself, with fdatasync, and its checkpointing connection syncs
 * nothing (synchronous = OFF). better-sqlite3's SQLite is built without HAVE_FDATASYNC, so its
 * own syncs are fsync, which also commits the file's times to the file system's journal: 5–25 ms
 * on this VM for the database file, where fdatasync of the same pages takes 0.1–4 ms, and the
 * last pass, inside the hold, was mostly that sync (docs/decisions/009). The order is SQLite's:
 * a reader pins the WAL's end first, so the pass copies no frame that was written after the WAL
 * was synced; the copied pages are synced before the reader lets go, so the WAL cannot start
 * afresh (overwriting frames) while a page copied from it is not yet on disk.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = OFF');
const pin = new Database(workerData.file, { fileMustExist: true });
const begin = pin.prepare('BEGIN');
const read = pin.prepare('SELECT 1 FROM sqlite_schema LIMIT 1');
const commit = pin.prepare('COMMIT');
// Read-write: Windows syncs no file opened read-only. Nothing is written through these.
const dbFile = fs.openSync(workerData.file, 'r+');
const gate = new Int32Array(workerData.gate);
${ASK_FOR_HOLD_SOURCE}
/** One PASSIVE checkpoint, synced as described above. */
function pass() {
  let walFile;
  try {
    walFile = fs.openSync(workerData.file + '-wal', 'r+');
  } catch (err) {
    // No WAL yet: nothing to copy.
    if (err.code === 'ENOENT') return { busy: 0, log: 0, checkpointed: 0 };
    throw err;
  }
  try {
    begin.run();
    try {
      read.get();
      fs.fdatasyncSync(walFile);
      const [r] = db.pragma('wal_checkpoint(PASSIVE)');
      fs.fdatasyncSync(dbFile);
      return r;
    } finally {
      commit.run();
    }
  } finally {
    fs.closeSync(walFile);
  }
}
/** Passes until one copies fewer than \`small\` frames; returns the WAL's length in frames. */
function passes(small) {
  let backfilled = 0;
  let frames = 0;
  for (let i = 0; i < workerData.maxPasses; i++) {
    const r = pass();
    const copied = r.checkpointed >= backfilled ? r.checkpointed - backfilled : r.checkpointed;
    backfilled = r.checkpointed;
    frames = r.log;
    if (r.busy || copied < small) break;
  }
  return frames;
}
parentPort.on('message', (message) => {
  if (message === 'stop') {
    fs.closeSync(dbFile);
    pin.close();
    db.close();
    process.exit(0);
  }
  const frames = passes(workerData.smallPass);
  if (frames >= workerData.restartFrames) {
    // Closer still before the hold: what the last pass leaves is what the hold waits for.
    passes(workerData.lastSmallPass);
    // Without a group commit to hold (none came), the writes have paused anyway.
    askForHold(gate, workerData.maxAskMs);
    pass();
  }
  parentPort.postMessage('done');
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the request path (docs/decisions/009). SQLite's automatic checkpoint
 * runs inside the COMMIT of whichever write crosses 1,000 WAL pages, so under a stream of
 * highlights one batch in four paid for copying the WAL into the database (a 10–17 ms stall). Here
 * a worker thread with its own connection does the copying. A PASSIVE checkpoint never catches a
 * writer that keeps appending, so once the worker has nearly caught up, the group commits are held
 * (write-gate.ts) while it copies the rest: that copy reaches the WAL's end, and the next write
 * starts the WAL afresh, so it stays small. Meanwhile the API thread goes on taking requests (it
 * used to copy that rest itself, a tenth of its time under a stream of highlights). SQLite's
 * automatic checkpoint stays on at a high mark as a backstop.
 */
export function startCheckpointer(
  db: Db,
  file: string,
  options: { intervalMs?: number; onError?: (err: Error) => void } = {},
): Checkpointer {
  const client = db.$client;
  client.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  // After a burst, the WAL file is cut back when it restarts instead of keeping its largest size.
  client.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  const gate = writeGateOf(db);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      file,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      maxPasses: 12,
      smallPass: 256,
      lastSmallPass: 32,
      restartFrames: RESTART_FRAMES,
      maxAskMs: 100,
      gate: gate.buffer,
    },
  });
  worker.unref();
  let inFlight = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (inFlight || stopped) return;
    inFlight = true;
    worker.postMessage('checkpoint');
  }, options.intervalMs ?? 200);
  timer.unref();
  worker.on('message', () => {
    inFlight = false;
    gate.release();
  });
  worker.on('error', (err) => {
    // Without the worker, SQLite's own checkpoint at the usual mark takes over.
    stopped = true;
    gate.release();
    clearInterval(timer);
    if (client.open) client.pragma('wal_autocheckpoint = 1000');
    options.onError?.(err);
  });
  return {
    /** Lets the worker close its connection, so the writer's close can remove the WAL. */
    async stop() {
      if (stopped) return;
      stopped = true;
      gate.release();
      clearInterval(timer);
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await exited;
    },
  };
}

/**
 * WAL pages (4 kB each) past which the writer checkpoints itself should the worker fall behind.
 * Above RESTART_FRAMES by what a round adds: at a million highlights, 2,000 a second append some
 * 30,000 pages a second, and the WAL reached 12,000–20,000 pages before it started afresh.
 */
const BACKSTOP_PAGES = 32_000;

/**
 * WAL frames (a page each: 2 kB in a file created since stop 20, 4 kB in an older one) past
 * which the worker has the WAL start afresh, holding the writes for its last pass. Below it the
 * WAL only grows, and restarts whenever the writes pause long enough for a pass to reach its end.
 */
const RESTART_FRAMES = 4096;
