import { parentPort, workerData } from 'node:worker_threads';
import { createRepositories, inTransaction, openDatabase } from '@kodbok/db';
import { DomainError } from './errors';
import { runReadJob, type ReadJob } from './services/read-job';
import { createCountsCache } from './services/counts-cache';
import { createHighlightCopies } from './services/highlight-copies';
import { bodyChunks, exportRunner, type ExportJob } from './services/export-job';
import { yieldToApiThread } from './background-priority';
import { jsonBytes, movable } from './worker-bytes';

/*
 * The read worker (docs/decisions/011), started by services/read-runner.ts: heavy reads, already
 * authorised, on a read-only connection of its own. Counting jobs run one at a time; exports
 * stream, several at once, each a page at a time and only as fast as its client takes the bytes.
 */
yieldToApiThread();
const { databaseFile } = workerData as { databaseFile: string };
// The API connection's small page cache: the worker's reads are scans and pages of studies, served
// as well from the OS's file cache. Against 16 MB, agreement (two pairs of alternated runs) and
// every analysis view were unchanged, and the mixed load's peak 8 MB lower (issue 13, stop 21).
const db = openDatabase(databaseFile, { migrate: false, readonly: true, cacheMb: 8 });
const repos = createRepositories(db);
const runExport = exportRunner(repos);
const copies = { counts: createCountsCache(repos), highlights: createHighlightCopies(repos) };
const port = parentPort!;

/**
 * Chunks (about 32 kB each) an export may have on their way to the API thread before it waits
 * for the client: enough that the worker rarely waits for the API thread to be scheduled, few
 * enough that a slow client holds half a megabyte, not the file.
 */
const WINDOW = 16;

interface Stream {
  inFlight: number;
  cancelled: boolean;
  wake: (() => void) | null;
}
const streams = new Map<number, Stream>();

type Message =
  | { id: number; job: ReadJob }
  | { id: number; export: ExportJob }
  | { id: number; ack: true }
  | { id: number; cancel: true };

port.on('message', (message: Message) => {
  if ('job' in message) answer(message.id, message.job);
  else if ('export' in message) void stream(message.id, message.export);
  else {
    const s = streams.get(message.id);
    if (!s) return;
    if ('ack' in message) s.inFlight--;
    else s.cancelled = true;
    s.wake?.();
  }
});

function answer(id: number, job: ReadJob) {
  try {
    // Answered as JSON bytes, written here and moved (not copied) across: the API thread only
    // sends them. The study list comes as bytes from SQLite already.
    // One read transaction: the in-memory copies are brought up to the state the view reads.
    const result = inTransaction(db, () => runReadJob(repos, job, copies));
    const bytes = result instanceof Uint8Array ? movable(result) : jsonBytes(result);
    port.postMessage({ id, ok: true, result: bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (err) {
    port.postMessage({ id, ok: false, ...failure(err) });
  }
}

async function stream(id: number, job: ExportJob) {
  const s: Stream = { inFlight: 0, cancelled: false, wake: null };
  streams.set(id, s);
  let started = false;
  try {
    const file = await runExport(job);
    port.postMessage({ id, type: 'head', name: file.name, format: file.format });
    started = true;
    for await (const chunk of bodyChunks(file.body)) {
      if (s.cancelled) break;
      const bytes = movable(chunk);
      s.inFlight++;
      port.postMessage({ id, type: 'chunk', bytes }, [bytes.buffer as ArrayBuffer]);
      while (s.inFlight >= WINDOW && !s.cancelled)
        await new Promise<void>((resolve) => (s.wake = resolve));
      s.wake = null;
    }
    if (!s.cancelled) port.postMessage({ id, type: 'end' });
  } catch (err) {
    port.postMessage({ id, type: 'error', started, ...failure(err) });
  } finally {
    streams.delete(id);
  }
}

function failure(err: unknown) {
  return {
    statusCode: err instanceof DomainError ? err.statusCode : 500,
    message: err instanceof Error ? err.message : String(err),
  };
}
