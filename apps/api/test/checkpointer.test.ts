import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, startCheckpointer, type Checkpointer, type Db } from '@kodbok/db';

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
  const checkpointer = startCheckpointer(db, file, { intervalMs });
  open.push({ db, checkpointer });
  return { db, file, checkpointer };
}

describe('WAL checkpoints in a worker thread', () => {
  it('keep the WAL small under a steady stream of commits, and lose nothing', async () => {
    const { db, file } = scratchDatabase(10);
    const insert = db.$client.prepare('INSERT INTO scratch (body) VALUES (?)');
    const commits = 400;
    let largest = 0;
    for (let i = 0; i < commits; i++) {
      // About ten pages per commit: 4,000 pages in all, under SQLite's own (backstop) mark, so
      // without the worker the WAL would hold every one of them.
      db.$client.transaction(() => {
        for (let j = 0; j < 20; j++) insert.run(`${i}.${j} ${'x'.repeat(2000)}`);
      })();
      largest = Math.max(largest, statSync(`${file}-wal`).size);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const written = commits * 10 * PAGE;
    expect(largest).toBeLessThan(written / 4);
    expect(db.$client.prepare('SELECT count(*) FROM scratch').pluck().get()).toBe(commits * 20);
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
