import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openDatabase } from '@kodbok/db';
import type { App } from '../src/app';
import { startApp } from './helper';
import { createPeople, createWorld, type People, type World } from './authorization-world';

/*
 * The server, the people and the two projects the route fuzzer (fuzz-routes.test.ts) sends hostile
 * requests to, and the digest of the database it compares before and after a refused request.
 */

export interface FuzzWorld {
  app: App;
  people: People;
  /** Project A: its owner (people.owner) fuzzes every route on its objects. */
  a: World;
  /** Project B, of the outsider: its ids are "another project's objects" to A's owner. */
  b: World;
  /** The digest of every table, by table name. */
  digest(): Map<string, string>;
}

/**
 * Tables that may change while a request is refused: only housekeeping. The sessions table is
 * kept in (`rolling: false`: a session row is written only when it is created or changed), and
 * the password rate limits count in memory, not here. The activity log is held to "unchanged".
 */
const MAY_CHANGE_ON_REFUSAL = new Set<string>([
  // The read worker's change logs (decisions 020, 025): the server prunes them every 2 s on its
  // own, so they may shrink while a refused request is in flight. Derived data, not a request's.
  'counts_log',
  'highlights_log',
]);

export async function startFuzzWorld(): Promise<FuzzWorld> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kodbok-fuzz-'));
  const databaseFile = path.join(dir, 'kodbok.sqlite');
  const app = await startApp({
    config: { databaseFile, logLevel: process.env.FUZZ_LOG ?? 'silent' },
  });
  // A second connection reads what the server committed (WAL), as any other reader would.
  const reader = openDatabase(databaseFile, { migrate: false }).$client;
  afterAll(() => {
    reader.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const people = await createPeople(app);
  const settings = { independentCoding: false, coderCanEditCodebook: false };
  const a = await createWorld(people, settings);
  // The same helpers with the outsider as owner: A's owner is no member of B.
  const b = await createWorld({ ...people, owner: people.outsider }, settings);
  // Every table but SQLite's statistics (ANALYZE may refresh them at any time) and the virtual
  // tables, whose contents are their shadow tables', digested anyway.
  const tables = (
    reader
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%'
         AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
      )
      .all() as Array<{ name: string }>
  )
    .map((t) => t.name)
    .filter((name) => !MAY_CHANGE_ON_REFUSAL.has(name));
  const digest = () => {
    const out = new Map<string, string>();
    for (const table of tables) {
      const rows = reader.prepare(`SELECT * FROM "${table}"`).raw().all();
      const lines = rows.map((row) => JSON.stringify(row, blobAsHex)).sort();
      out.set(table, createHash('sha256').update(lines.join('\n')).digest('hex'));
    }
    return out;
  };
  return { app, people, a, b, digest };
}

const blobAsHex = (_: string, value: unknown) =>
  Buffer.isBuffer(value) ? value.toString('hex') : typeof value === 'bigint' ? `${value}n` : value;

/** The tables whose digest differs. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name));
}

/** Ids of project B's objects, to put where A's belong. */
export function otherProjectIds(b: World): string[] {
  return [
    b.projectId,
    b.studyId,
    b.documentId,
    b.codeId,
    b.highlights.owner,
    b.invitationId,
    b.people.outsider.user.id,
  ];
}
