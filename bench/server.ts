import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** The real server in its own process, as in production, on a prepared data folder. */
export async function startServer(dataDir: string, port: number) {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE
        ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE]
        : []),
      // Extra V8 settings for an experiment, e.g. BENCH_SERVER_FLAGS='--optimize-for-size'.
      ...(process.env.BENCH_SERVER_FLAGS?.split(/\s+/).filter(Boolean) ?? []),
      '--enable-source-maps',
      // As `npm run serve` starts it (docs/decisions/018: memory).
      '--max-semi-space-size=4',
      '--heap-growing-percent=50',
      // The bundle `npm start` runs (`npm run bench` builds it first).
      'apps/api/dist/main.js',
    ],
    {
      cwd: path.resolve(import.meta.dirname, '..'),
      env: {
        ...process.env,
        PORT: String(port),
        KODBOK_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        KODBOK_DEMO: 'off',
        // As `npm run serve` starts it (docs/decisions/018: memory).
        MALLOC_ARENA_MAX: '2',
      },
      stdio: 'inherit',
    },
  );
  const url = `http://localhost:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      if (i > 150) throw new Error('server did not start');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/**
 * CPU time a process has used so far, in ms: its main (API) thread's and all its running threads'
 * (Linux /proc; a thread that has ended is not counted). Per unit of work it varies far less
 * between runs than latency does on a shared machine.
 */
export function cpuOf(pid: number): { api: number; all: number } {
  const ms = (file: string) => Number(readFileSync(file, 'utf8').split(' ')[0]) / 1e6;
  const all = readdirSync(`/proc/${pid}/task`).reduce(
    (sum, tid) => sum + ms(`/proc/${pid}/task/${tid}/schedstat`),
    0,
  );
  return { api: ms(`/proc/${pid}/task/${pid}/schedstat`), all };
}

/** Peak and current resident memory of a process, in MB (Linux /proc). */
export function memoryOf(pid: number): { peakMb: number; nowMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peakMb: kb('VmHWM') / 1024, nowMb: kb('VmRSS') / 1024 };
}

/**
 * Another user's small requests every 20 ms until `stop()`, from a worker thread (this process
 * may be busy reading a big answer meanwhile, and its own event loop must not be mistaken for the
 * server's): `/api/health`, and with `write`, a coder's highlight created and deleted again. The
 * longest wait and the 99th percentile say how long whatever ran meanwhile held the API.
 */
export function longestWaitFromWorker(
  url: string,
  write?: { token: string; projectId: string; codeId: string },
) {
  const worker = new Worker(
    `const { parentPort, workerData: { url, write } } = require('node:worker_threads');
    let running = true;
    const waits = [];
    parentPort.on('message', () => { running = false; });
    const call = async (method, path, body) => {
      const t = performance.now();
      const res = await fetch(url + path, {
        method,
        headers: {
          ...(write ? { authorization: 'Bearer ' + write.token } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body && JSON.stringify(body),
      });
      const answer = await res.text();
      waits.push(performance.now() - t);
      if (!res.ok) throw new Error(method + ' ' + path + ': ' + res.status + ' ' + answer.slice(0, 200));
      return answer ? JSON.parse(answer) : null;
    };
    (async () => {
      let highlight = null;
      // The first call loads the worker's HTTP client (about 100 ms): not a wait on the server.
      await call('GET', '/api/health');
      waits.length = 0;
      if (write) {
        const matrix = await call('GET', '/api/projects/' + write.projectId + '/matrix?limit=1');
        const study = await call('GET', '/api/studies/' + matrix.studies[0].id);
        const doc = await call('GET', '/api/documents/' + study.documents[0].id);
        highlight = { path: '/api/documents/' + doc.id + '/highlights',
          body: { start: 0, end: 12, quote: doc.text.slice(0, 12), codeIds: [write.codeId] } };
        waits.length = 0;
      }
      parentPort.postMessage('ready');
      while (running) {
        await call('GET', '/api/health');
        if (highlight) {
          const made = await call('POST', highlight.path, highlight.body);
          await call('DELETE', '/api/highlights/' + made.id);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      parentPort.postMessage(waits);
    })().catch((err) => parentPort.postMessage(String(err)));`,
    { eval: true, workerData: { url, write } },
  );
  // 'ready' once it has what it writes, then the waits when stopped, or why it failed.
  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  const ended = new Promise<number[] | string>((resolve) =>
    worker.on('message', (m: number[] | string) => {
      if (m === 'ready') ready();
      else {
        ready();
        resolve(m);
      }
    }),
  );
  return {
    /** Resolves once the probe is sending its requests. */
    ready: started,
    /** The longest wait, and the 99th percentile (one slow scheduling on 2 busy cores is noise). */
    stop: async () => {
      worker.postMessage('stop');
      const waits = await ended;
      void worker.terminate();
      if (typeof waits === 'string') throw new Error(`the probe failed: ${waits}`);
      return { max: Math.max(0, ...waits), p99: waits.length ? p(waits, 0.99) : 0 };
    },
  };
}

/**
 * `runs` timed GETs of `pathname` (after one warm-up), while another user's request probes how
 * long each holds the API.
 */
export async function timeHttp(
  url: string,
  token: string,
  pathname: string,
  runs: number,
  write?: { projectId: string; codeId: string },
) {
  const get = async () => {
    const t = performance.now();
    const res = await rawGet(url + pathname, { authorization: `Bearer ${token}` });
    if (res.status >= 400) throw new Error(`${pathname}: ${res.status} ${res.text.slice(0, 200)}`);
    return performance.now() - t;
  };
  // The first request is not counted (caches warm), but reported: some views read their data
  // into memory then (decision 020).
  const first = await get();
  // Meanwhile another user's small requests: how long the endpoint holds the API.
  const probe = longestWaitFromWorker(url, write && { token, ...write });
  await probe.ready;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await get());
  const stall = await probe.stop();
  return { times, stall, first };
}

/** Connections kept open between requests, as a browser and fetch keep them. */
const keepAlive = new http.Agent({ keepAlive: true });

/**
 * A GET whose every byte is received but not decoded, compressed as a browser asks for it: the
 * client's own decompression and text decoding of a 5 MB list are not the server's time, and
 * fetch would count them (undici inflates in JavaScript-driven chunks, about 50 ms for the
 * 10,000-study list, where a browser's native decoder takes a few).
 */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.get(
      url,
      { agent: keepAlive, headers: { ...headers, 'accept-encoding': 'br, gzip' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          // Only a refusal is read, to say why; its body is small and never compressed.
          resolve({ status, text: status >= 400 ? Buffer.concat(chunks).toString() : '' });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

/** The q-quantile of xs. */
export function p(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
export const fmt = (x: number, width = 8) => x.toFixed(1).padStart(width);
