import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The real server in its own process, as in production, on a prepared data folder. */
export async function startServer(dataDir: string, port: number) {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE
        ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE]
        : []),
      '--enable-source-maps',
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

/** Peak and current resident memory of a process, in MB (Linux /proc). */
export function memoryOf(pid: number): { peakMb: number; nowMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peakMb: kb('VmHWM') / 1024, nowMb: kb('VmRSS') / 1024 };
}

/**
 * Another user's small request (`/api/health`) every 20 ms until `stop()`, which gives its
 * slowest answer: how long whatever ran meanwhile held the (single-threaded) API.
 */
export function longestWait(url: string) {
  let running = true;
  let longest = 0;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      await fetch(`${url}/api/health`);
      longest = Math.max(longest, performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return longest;
    },
  };
}

/**
 * `runs` timed GETs of `pathname` (after one warm-up), while another user's request probes how
 * long each holds the API.
 */
export async function timeHttp(url: string, token: string, pathname: string, runs: number) {
  const get = async () => {
    const t = performance.now();
    const res = await fetch(url + pathname, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await res.text();
    if (!res.ok) throw new Error(`${pathname}: ${res.status} ${body.slice(0, 200)}`);
    return performance.now() - t;
  };
  await get();
  // Meanwhile another user's small request: how long the endpoint holds the API.
  const probe = longestWait(url);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await get());
  const stall = await probe.stop();
  return { times, stall };
}

/** The q-quantile of xs. */
export function p(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
export const fmt = (x: number, width = 8) => x.toFixed(1).padStart(width);
