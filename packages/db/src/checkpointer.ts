import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './connection';

/**
 * The worker's code, plain CommonJS so it runs the same from source (tests) and from the server
 * bundle. Each request is answered after passes of PASSIVE checkpoints (which never block the
 * writer), each pass copying what the writer appended during the one before, until a pass copies
 * little: the writer's own checkpoint then has only that little left.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    process.exit(0);
  }
  let backfilled = 0;
  for (let pass = 0; pass < workerData.maxPasses; pass++) {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    const copied = r.checkpointed >= backfilled ? r.checkpointed - backfilled : r.checkpointed;
    backfilled = r.checkpointed;
    if (r.busy || copied < workerData.smallPass) break;
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
 * a worker thread with its own connection does the copying; afterwards the writer's connection
 * checkpoints the small remainder, which completes, so the next write starts the WAL afresh and it
 * stays small. The automatic checkpoint stays on at a high mark as a backstop.
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
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      file,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      maxPasses: 6,
      smallPass: 256,
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
    if (!stopped && client.open) client.pragma('wal_checkpoint(PASSIVE)');
  });
  worker.on('error', (err) => {
    // Without the worker, SQLite's own checkpoint at the usual mark takes over.
    stopped = true;
    clearInterval(timer);
    if (client.open) client.pragma('wal_autocheckpoint = 1000');
    options.onError?.(err);
  });
  return {
    /** Lets the worker close its connection, so the writer's close can remove the WAL. */
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await exited;
    },
  };
}

/** WAL pages (4 kB each) past which the writer checkpoints itself should the worker fall behind. */
const BACKSTOP_PAGES = 16_000;
