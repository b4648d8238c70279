import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** SQLite file; ':memory:' is not used because tests want the real WAL file. */
  databaseFile: string;
  sessionSecret: string;
  bodyLimit: number;
  /** Largest file an import accepts, in bytes (413 above). */
  importLimit: number;
  logLevel: string;
  seedDemo: boolean;
  /** Folder of the built web app; absent in API-only tests. */
  webDist: string | null;
}

/** Reads the environment once at start. Unknown or bad values fail loudly. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.KODBOK_DATA_DIR ?? 'data');
  mkdirSync(dataDir, { recursive: true });
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const webDist = path.resolve(import.meta.dirname, '../../web/dist');
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    databaseFile: path.join(dataDir, 'kodbok.sqlite'),
    sessionSecret: env.KODBOK_SESSION_SECRET ?? persistentSecret(dataDir),
    bodyLimit: Number(env.KODBOK_BODY_LIMIT ?? 10 * 1024 * 1024),
    importLimit: byteCount('KODBOK_IMPORT_LIMIT', env.KODBOK_IMPORT_LIMIT, 50 * 1024 * 1024),
    logLevel: env.LOG_LEVEL ?? 'info',
    seedDemo: env.KODBOK_DEMO !== 'off',
    webDist: existsSync(path.join(webDist, 'index.html')) ? webDist : null,
  };
}

/** Signs session cookies; kept beside the database so sessions survive restarts. */
function persistentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function byteCount(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name} must be a number of bytes, got ${value}`);
  return n;
}
