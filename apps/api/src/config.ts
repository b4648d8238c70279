import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** SQLite file; ':memory:' is not used because tests want the real WAL file. */
  databaseFile: string;
  /** Where `npm run backup` writes, and where downloads are made before they are sent. */
  backupDir: string;
  sessionSecret: string;
  bodyLimit: number;
  /** Largest file an import accepts, in bytes (413 above). */
  importLimit: number;
  /** How long an import (or REFI-QDA exchange) may run before it is stopped, in ms. */
  importTimeLimit: number;
  /** Imports that may run at once, in all and per user (429 above). */
  importsAtOnce: { total: number; perUser: number };
  logLevel: string;
  seedDemo: boolean;
  /** Folder of the built web app; absent in API-only tests. */
  webDist: string | null;
  /**
   * Fastify's `trustProxy`: which proxies' X-Forwarded-For, -Proto and -Host headers to believe,
   * so that behind TLS termination the session cookie is Secure, the https Origin is the page's
   * own and rate limits see the client's address (false: none, the default).
   */
  trustProxy: boolean | string[];
  /** The origin browsers load Kodbok from when a proxy does not pass the Host header through. */
  publicOrigin: string | null;
}

/**
 * Where the data folder and the database are, as the server finds them. The backup and restore
 * commands read them here without creating anything (loadConfig creates the folder and secret).
 */
export function dataPaths(env: NodeJS.ProcessEnv = process.env) {
  const dataDir = path.resolve(env.KODBOK_DATA_DIR ?? 'data');
  return {
    dataDir,
    databaseFile: path.join(dataDir, 'kodbok.sqlite'),
    backupDir: path.join(dataDir, 'backups'),
  };
}

/** Reads the environment once at start. Unknown or bad values fail loudly. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const { dataDir, databaseFile, backupDir } = dataPaths(env);
  mkdirSync(dataDir, { recursive: true });
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const webDist = path.resolve(import.meta.dirname, '../../web/dist');
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    databaseFile,
    backupDir,
    sessionSecret: env.KODBOK_SESSION_SECRET ?? persistentSecret(dataDir),
    bodyLimit: Number(env.KODBOK_BODY_LIMIT ?? 10 * 1024 * 1024),
    importLimit: byteCount('KODBOK_IMPORT_LIMIT', env.KODBOK_IMPORT_LIMIT, 50 * 1024 * 1024),
    // 10,000 records take about 5 s on two cores: two minutes is for files, not for traps.
    importTimeLimit: 120_000,
    // Each import has a worker thread and up to 1.5 GB of heap; the machine has two cores.
    importsAtOnce: { total: 4, perUser: 2 },
    logLevel: env.LOG_LEVEL ?? 'info',
    seedDemo: env.KODBOK_DEMO !== 'off',
    webDist: existsSync(path.join(webDist, 'index.html')) ? webDist : null,
    trustProxy: trustProxy(env.KODBOK_TRUST_PROXY),
    publicOrigin: publicOrigin(env.KODBOK_PUBLIC_ORIGIN),
  };
}

// proxy-addr's names for address ranges, and IPv4/IPv6 addresses with an optional prefix length.
const PROXY_ADDRESS = /^(?:loopback|linklocal|uniquelocal|[0-9a-f.:]+(?:\/\d{1,3})?)$/i;

/**
 * KODBOK_TRUST_PROXY: off (default); a comma-separated list of the proxies' addresses or ranges
 * (`loopback`, `10.0.0.0/8`); or `true`, trusting any sender, fit only when nothing but the proxy
 * can reach the server. (Fastify trusts no one for a hop count, so numbers are refused.)
 */
function trustProxy(value: string | undefined): boolean | string[] {
  const v = value?.trim() ?? '';
  if (v === '' || /^(?:false|off|no|0)$/i.test(v)) return false;
  if (/^(?:true|on|yes)$/i.test(v)) return true;
  const addresses = v.split(',').map((a) => a.trim());
  const bad = addresses.find((a) => /^\d+$/.test(a) || !PROXY_ADDRESS.test(a));
  if (bad !== undefined)
    throw new Error(
      `KODBOK_TRUST_PROXY must be off, true, or the proxies' addresses (loopback, 10.0.0.0/8), got "${bad}"`,
    );
  return addresses;
}

/** KODBOK_PUBLIC_ORIGIN: scheme, host and port only, e.g. https://kodbok.example.org. */
function publicOrigin(value: string | undefined): string | null {
  const v = value?.trim() ?? '';
  if (v === '') return null;
  const url = URL.canParse(v) ? new URL(v) : null;
  const web = url?.protocol === 'https:' || url?.protocol === 'http:';
  if (!url || !web || url.pathname !== '/' || url.search || url.hash || url.username)
    throw new Error(
      `KODBOK_PUBLIC_ORIGIN must be an origin such as https://kodbok.example.org (no path), got "${value}"`,
    );
  return url.origin;
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
