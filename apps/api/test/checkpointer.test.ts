import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createGroupCommitter,
  openDatabase,
  startCheckpointer,
  writeGateOf,
  type Checkpointer,
  type Db,
} from '@kodbok/db';

const PAGE = 4096;
let open: Array<{ db: Db; checkpointer: Checkpointer }> = [];
afterEach(async () => {
  for (const { db, checkpointer } of open) {
    await checkpointer.stop();
    if (db.$client.open) db.$client.close();
  }
  open = [];
});

function scratchDatabase(intervalMs: number) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'kodbok-wal-')), 'kodbok.sqlite');
  const db = openDatabase(file);
  db.$client.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  // A smaller WAL than the server's before the writes are held for a restart, so that the
  // stream below (some 50 MB) meets several.
  const checkpointer = startCheckpointer(db, file, { intervalMs, restartBytes: 8 * 1024 * 1024 });
  open.push({ db, checkpointer });
  return { db, file, checkpointer };
}

describe('WAL checkpoints in a worker thread', () => {
  it('keep the WAL small under a steady stream of group commits, and lose nothing', async () => {
    const { db, file, checkpointer } = scratchDatabase(10);
    const group = createGroupCommitter(db);
    const insert = db.$client.prepare('INSERT INTO scratch (body) VALUES (?)');
    const commits = 2400;
    let largest = 0;
    // Four writers without a pause, as coders under load: a checkpoint running beside them
    // never reaches the WAL's end unless the writes are held for it.
    const writer = async (w: number) => {
      for (let i = 0; i < commits / 4; i++) {
        // About ten pages per commit: 24,000 pages in all, under SQLite's own (backstop) mark,
        // so without the worker the WAL would hold every one of them.
        await group.run(() => {
          for (let j = 0; j < 20; j++) insert.run(`${w}.${i}.${j} ${'x'.repeat(2000)}`);
        });
        largest = Math.max(largest, statSync(`${file}-wal`).size);
      }
    };
    await Promise.all([0, 1, 2, 3].map(writer));
    // Each time the WAL starts afresh its header's checkpoint sequence number goes up.
    const restarts = readFileSync(`${file}-wal`).readUInt32BE(12);
    expect(restarts).toBeGreaterThanOrEqual(1);
    expect(largest).toBeLessThan(commits * 10 * PAGE);
    expect(db.$client.prepare('SELECT count(*) FROM scratch').pluck().get()).toBe(commits * 20);
    // What the worker copied (synced by itself, not by SQLite) is a whole, sound database.
    await checkpointer.stop();
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('let the server close cleanly: the WAL is folded in and removed', async () => {
    const { db, file, checkpointer } = scratchDatabase(10);
    db.$client.prepare('INSERT INTO scratch (body) VALUES (?)').run('kept');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await checkpointer.stop();
    db.$client.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const again = openDatabase(file);
    expect(again.$client.prepare('SELECT body FROM scratch').pluck().all()).toEqual(['kept']);
    again.$client.close();
  });
});

describe('The write gate', () => {
  it('begins a hold the checkpoint worker asks for after the next group commit, and commits what came meanwhile at the release', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kodbok-gate-')), 'kodbok.sqlite');
    const db = openDatabase(file);
    db.$client.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const group = createGroupCommitter(db);
    const gate = writeGateOf(db);
    const state = new Int32Array(gate.buffer);
    const count = () => db.$client.prepare('SELECT count(*) FROM scratch').pluck().get();
    const settled: string[] = [];
    const write = (body: string) =>
      group
        .run(() => db.$client.prepare('INSERT INTO scratch (body) VALUES (?)').run(body))
        .then(() => settled.push(body));
    // As the worker asks (write-gate.ts): the writes already queued are not kept waiting.
    Atomics.store(state, 0, 1);
    const first = ['a', 'b'].map(write);
    await Promise.all(first);
    expect(settled).toEqual(['a', 'b']);
    expect(Atomics.load(state, 0)).toBe(2);
    // Held now: later writes wait for the release, then commit together.
    const later = ['c', 'd'].map(write);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toEqual(['a', 'b']);
    expect(count()).toBe(2);
    gate.release();
    await Promise.all(later);
    expect(settled).toEqual(['a', 'b', 'c', 'd']);
    expect(count()).toBe(4);
    db.$client.close();
  });
});
