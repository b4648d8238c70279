import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { copyOfAnalysisProject } from './analysis-generate';
import { generateRis } from './ris-generator';
import { fmt, memoryOf, p, startServer } from './server';

/**
 * A working day compressed (issue 12): 20 coders open documents and create, edit and delete
 * highlights, 2 supervisors run filtered frequencies, excerpts and agreement, and one import of
 * 2,000 RIS records runs, all at once for `seconds`, on a copy of the analysis project (10,000
 * studies, 1,000,000 highlights). Coders run in a worker thread of their own, so the supervisors'
 * big answers in this thread never delay the coders' clocks. Targets (2 cores): no errors,
 * coding requests p99 ≤ 50 ms.
 */
export async function benchMixed(opts: { studies: number; highlights: number; seconds: number }) {
  const big = copyOfAnalysisProject('mixed', opts.studies, opts.highlights);
  const { dataDir } = big;
  const documentIds = big.documents.map((d) => d.id);
  const server = await startServer(dataDir, 3925);
  const auth = { authorization: `Bearer ${big.token}` };
  const base = `${server.url}/api/projects/${big.projectId}`;
  const deadline = Date.now() + WARM_UP_MS + opts.seconds * 1000;
  const afterWarmUp = () => new Promise((r) => setTimeout(r, WARM_UP_MS));
  const times = new Map<string, number[]>();
  // What the server itself took (its Server-Timing header): the rest of a wait is queueing on
  // the API thread, the network, and this client, which shares the machine's two cores.
  const serverTimes = new Map<string, number[]>();
  let errors = 0;
  const timed = async (kind: string, url: string, init?: RequestInit) => {
    const t = performance.now();
    const res = await fetch(url, { ...init, headers: { ...auth, ...init?.headers } });
    await res.arrayBuffer();
    if (!res.ok) errors++;
    times.set(kind, [...(times.get(kind) ?? []), performance.now() - t]);
    serverTimes.set(kind, [...(serverTimes.get(kind) ?? []), serverTime(res.headers)]);
  };
  try {
    const coders = runCoders(server.url, big.token, documentIds, big.codeIds, opts.seconds);
    const [c0, c1] = big.coderIds;
    const supervisor = async () => {
      // BENCH_MIXED_SUPERVISORS=0: the coders alone, to see what the supervisors' views cost them.
      if (process.env.BENCH_MIXED_SUPERVISORS === '0') return;
      await afterWarmUp();
      while (Date.now() < deadline) {
        await timed(
          'supervisor: frequencies, two coders',
          `${base}/frequencies?coders=${c0},${c1}`,
        );
        await timed('supervisor: excerpts of a theme', `${base}/excerpts?codes=${big.themeIds[0]}`);
        await timed('supervisor: agreement', `${base}/agreement?coders=${c0},${c1}`);
      }
    };
    const importer = async () => {
      if (process.env.BENCH_MIXED_IMPORT === '0') return;
      await afterWarmUp();
      await new Promise((r) => setTimeout(r, Math.min(10_000, (opts.seconds * 1000) / 6)));
      const form = new FormData();
      form.append('file', new Blob([generateRis(2000, 5)]), 'mixed.ris');
      await timed('import: 2,000 RIS records', `${base}/imports?mode=commit`, {
        method: 'POST',
        body: form,
      });
    };
    const [coding] = await Promise.all([coders, supervisor(), supervisor(), importer()]);
    for (const [kind, ts] of Object.entries(coding.times)) times.set(kind, ts);
    for (const [kind, ts] of Object.entries(coding.serverTimes)) serverTimes.set(kind, ts);
    errors += coding.errors;
    const mem = memoryOf(server.pid);
    console.log(
      `mixed load for ${opts.seconds} s: 20 coders, 2 supervisors, 1 import (${opts.studies} studies, ${opts.highlights} highlights)`,
    );
    console.log(
      '  request                                     count   p50 ms   p99 ms   max ms   server p99',
    );
    for (const [kind, ts] of [...times].sort(([a], [b]) => a.localeCompare(b))) {
      const target = kind.startsWith('coder') ? '   (target p99 ≤ 50)' : '';
      const own = (serverTimes.get(kind) ?? []).filter((x) => !Number.isNaN(x));
      const server = own.length > 0 ? fmt(p(own, 0.99)) : '       –';
      console.log(
        `  ${kind.padEnd(42)} ${String(ts.length).padStart(6)} ${fmt(p(ts, 0.5))} ${fmt(p(ts, 0.99))} ${fmt(Math.max(...ts))}    ${server}${target}`,
      );
    }
    const why = Object.entries(coding.failures).map(([k, n]) => `${k}: ${n}`);
    console.log(
      `  errors                                     ${errors}   (target 0)${why.length ? `  ${why.join(', ')}` : ''}`,
    );
    console.log(`  server memory                              peak ${mem.peakMb.toFixed(0)} MB`);
    const { p99, max } = coding.clientDelay;
    console.log(
      `  coders' client, event-loop delay           p99 ${p99.toFixed(0)} ms, max ${max.toFixed(0)} ms (the client's own share of a wait)`,
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The first seconds, not counted: they warm the code and connections of server and client. */
const WARM_UP_MS = 3_000;

/**
 * 20 coders in a worker thread, each in a loop: open a document, highlight a passage, write a
 * memo on it, delete it now and then, and pause 50–150 ms between steps, as a person clicking.
 */
function runCoders(
  url: string,
  token: string,
  documentIds: string[],
  codeIds: string[],
  seconds: number,
) {
  const worker = new Worker(
    `const { parentPort, workerData: w } = require('node:worker_threads');
    const times = {};
    const serverTimes = {};
    const failures = {};
    let errors = 0;
    // The first seconds warm both sides (code compiled, connections open) and are not counted: a
    // server runs for days, and its first seconds after a start are not what a coder waits on.
    const start = Date.now() + w.warmUpMs;
    const deadline = start + w.seconds * 1000;
    const lag = require('node:perf_hooks').monitorEventLoopDelay({ resolution: 5 });
    const headers = { authorization: 'Bearer ' + w.token };
    const json = { ...headers, 'content-type': 'application/json' };
    const pause = () => new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    const call = async (kind, method, path, body) => {
      const t = performance.now();
      const res = await fetch(w.url + path, { method, headers: body ? json : headers, body: body && JSON.stringify(body) });
      const text = await res.text();
      const counted = Date.now() >= start;
      if (counted) (times[kind] ??= []).push(performance.now() - t);
      if (counted) (serverTimes[kind] ??= []).push(Number(/dur=([0-9.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? NaN));
      if (!res.ok) { errors++; failures[kind + ' → ' + res.status] = (failures[kind + ' → ' + res.status] ?? 0) + 1; return null; }
      return text ? JSON.parse(text) : null;
    };
    const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
    async function coder() {
      // People do not click in step: each coder starts after a pause of their own.
      await pause();
      while (Date.now() < deadline) {
        const doc = await call('coder: open a document', 'GET', '/api/documents/' + pick(w.documentIds));
        if (!doc) continue;
        await pause();
        const start = Math.floor(Math.random() * Math.max(1, doc.text.length - 80));
        const end = start + 10 + Math.floor(Math.random() * 60);
        const made = await call('coder: create a highlight', 'POST', '/api/documents/' + doc.id + '/highlights',
          { start, end, quote: doc.text.slice(start, end), codeIds: [pick(w.codeIds)] });
        if (!made) continue;
        await pause();
        await call('coder: edit its memo', 'PATCH', '/api/highlights/' + made.id, { memo: 'seen in ' + doc.id });
        await pause();
        if (Math.random() < 0.3) await call('coder: delete a highlight', 'DELETE', '/api/highlights/' + made.id);
        await pause();
      }
    }
    setTimeout(() => lag.enable(), w.warmUpMs).unref();
    // How late this client's own event loop ran: a long delay here would be the client's, not the server's.
    const clientDelay = () => ({ p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 });
    Promise.all(Array.from({ length: 20 }, coder)).then(() => parentPort.postMessage({ times, serverTimes, errors, failures, clientDelay: clientDelay() }));`,
    { eval: true, workerData: { url, token, documentIds, codeIds, seconds, warmUpMs: WARM_UP_MS } },
  );
  type Result = {
    times: Record<string, number[]>;
    serverTimes: Record<string, number[]>;
    errors: number;
    failures: Record<string, number>;
    clientDelay: { p99: number; max: number };
  };
  return new Promise<Result>((resolve, reject) => {
    worker.once('message', (result: Result) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
  });
}

/** The server's own time for a request, from its Server-Timing header (NaN without one). */
function serverTime(headers: Headers): number {
  return Number(/dur=([0-9.]+)/.exec(headers.get('server-timing') ?? '')?.[1] ?? NaN);
}
