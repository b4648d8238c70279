import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A port for a fresh server that no other run on this machine uses: derived from the shared
 * server's E2E_PORT (so two suites with different E2E_PORTs never collide) and the worker.
 */
export function freshServerPort(workerIndex: number): number {
  const port = Number(process.env.E2E_PORT ?? 3999) + 100 + workerIndex;
  // fetch() and Chromium refuse these ("bad port"): E2E_PORT=3944 made worker 1's port 4045.
  return BLOCKED_PORTS.has(port) ? port + 50 : port;
}

/** The Fetch standard's blocked ports above 1024 (https://fetch.spec.whatwg.org/#port-blocking). */
const BLOCKED_PORTS = new Set([
  1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669,
  6679, 6697, 10080,
]);

/**
 * A second, brand-new Kodbok server (own port, own empty database) for specs that need a first
 * visit, such as the owner setup, without disturbing the shared server.
 */
export async function startFreshServer(port: number, env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kodbok-e2e-fresh-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--enable-source-maps', 'apps/api/dist/main.js'],
    {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: {
        ...process.env,
        PORT: String(port),
        KODBOK_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: 'inherit',
    },
  );
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`fresh server on ${port} did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
