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
  // Closer still before the hold: what the last pass leaves is what the hold waits for. The
  // WAL may start afresh meanwhile (a write that comes after a pass reached its end restarts
  // it): then there is nothing to hold for.
  if (
    passes(workerData.smallPass) >= workerData.restartFrames &&
    passes(workerData.lastSmallPass) >= workerData.restartFrames
  ) {
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
  options: {
    intervalMs?: number;
    /** The WAL's size past which the worker holds the writes to start it afresh. */
    restartBytes?: number;
    onError?: (err: Error) => void;
  } = {},
): Checkpointer {
  const client = db.$client;
  const restartBytes = options.restartBytes ?? RESTART_BYTES;
  const pageSize = client.pragma('page_size', { simple: true }) as number;
  const restartFrames = Math.ceil(restartBytes / pageSize);
  client.pragma(`wal_autocheckpoint = ${restartFrames * BACKSTOP_FACTOR}`);
  // After a burst, the WAL file is cut back when it restarts instead of keeping its largest size.
  // Not below the size it reaches under a stream (about 1.5 × restartBytes): cut back at every
  // restart, it would grow again each time, and a sync of a file that grew also commits its
  // size to the file system's journal.
  client.pragma(`journal_size_limit = ${2 * restartBytes}`);
  const gate = writeGateOf(db);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      file,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      maxPasses: 12,
      smallPass: 256,
      lastSmallPass: 32,
      restartFrames,
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
 * The WAL's size past which the worker has it start afresh, holding the writes for its last pass
 * (128 MB: 65,536 frames of the 2 kB pages of a file created since stop 20). Below it the WAL only
 * grows, and starts afresh whenever a pass reaches its end because the writes paused. Each hold
 * keeps the requests in flight waiting 5–12 ms, mostly for the database file's sync; at 4,096
 * frames a stream of 2,500 highlights a second (13 frames each) met two or three holds a second,
 * and they were a quarter of the server's p99 (issue 13). A WAL mostly copied already costs
 * readers and the writer nothing more: they search only the frames not yet copied.
 */
const RESTART_BYTES = 128 * 1024 * 1024;

/**
 * SQLite's own checkpoint, the backstop should the worker fall behind, at this many times the
 * restart's frames: under a stream the WAL grows by what a round adds before it starts afresh
 * (to 80,000–100,000 frames at 128 MB).
 */
const BACKSTOP_FACTOR = 3;
