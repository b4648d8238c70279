import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

/*
 * The real server in a process of its own, and the repository's npm scripts, for tests of what
 * happens across processes (backups while the server writes, restores with it stopped).
 */

const ROOT = path.resolve(import.meta.dirname, '../../..');
const MAIN = path.join(ROOT, 'apps/api/src/main.ts');

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Starts the server on `dataDir` and waits until it answers. */
export async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      KODBOK_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      KODBOK_DEMO: 'off',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

/** Stops the server as an operator would (SIGTERM) and waits for it to exit. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** `npm run <script> -- ...args` with KODBOK_DATA_DIR set, from the repository root. */
export function npmRun(script: string, args: string[], dataDir: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', script, '--', ...args],
      { cwd: ROOT, env: { ...process.env, KODBOK_DATA_DIR: dataDir } },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err.code as number | undefined) ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A signed-in HTTP client of a server started above, as a browser on its origin is. */
export async function ownerClient(base: string) {
  const json = { origin: base, 'content-type': 'application/json' };
  const setup = await fetch(`${base}/api/setup`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: 'owner@example.org', name: 'Owner', password: 'owner pass 123' }),
  });
  if (setup.status !== 201) throw new Error(`setup failed: ${await setup.text()}`);
  return signedIn(base, setup);
}

/** Signs in the owner of ownerClient() again (on a restarted server, or a restored database). */
export async function signInOwner(base: string) {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@example.org', password: 'owner pass 123' }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${await res.text()}`);
  return signedIn(base, res);
}

function signedIn(base: string, res: Response) {
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (method: string, url: string, body?: object) => {
    const r = await fetch(`${base}${url}`, {
      method,
      headers: { origin: base, cookie },
      ...(body
        ? {
            body: JSON.stringify(body),
            headers: { origin: base, cookie, 'content-type': 'application/json' },
          }
        : {}),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null } as {
      status: number;
      body: any;
    };
  };
}
export type Call = Awaited<ReturnType<typeof ownerClient>>;
