import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGroupCommitter, openDatabase } from '@kodbok/db';

const dir = mkdtempSync(path.join(tmpdir(), 'kodbok-group-'));
const file = path.join(dir, 'kodbok.sqlite');
const db = openDatabase(file);
db.$client.exec('CREATE TABLE scratch (batch TEXT NOT NULL, item TEXT NOT NULL)');
// Another connection sees only what was committed.
const reader = openDatabase(file, { migrate: false });
afterAll(() => {
  db.$client.close();
  reader.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = db.$client.prepare('INSERT INTO scratch (batch, item) VALUES (?, ?)');
const committed = (batch: string) =>
  (
    reader.$client
      .prepare('SELECT item FROM scratch WHERE batch = ? ORDER BY item')
      .all(batch) as Array<{ item: string }>
  ).map((r) => r.item);

describe('createGroupCommitter', () => {
  it('rolls back only the failing item of a batch: its own earlier writes too, none of the others', async () => {
    const group = createGroupCommitter(db);
    // Queued in one turn of the event loop, so they share one transaction.
    const outcomes = await Promise.allSettled([
      group.run(() => insert.run('one', 'a')),
      group.run(() => {
        insert.run('one', 'b');
        throw new Error('the second item fails after writing');
      }),
      group.run(() => insert.run('one', 'c')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toMatch(/second item fails/);
    expect(committed('one')).toEqual(['a', 'c']);
  });

  it('rolls back a lone item that fails, and keeps the values of items that ran again', async () => {
    const group = createGroupCommitter(db);
    const alone = group.run(() => {
      insert.run('three', 'x');
      throw new Error('fails alone');
    });
    await expect(alone).rejects.toThrow(/fails alone/);
    expect(committed('three')).toEqual([]);
    // The batch-mates of a failing item run a second time, isolated: their values are the
    // second run's, and each is stored once.
    const values = await Promise.allSettled([
      group.run(() => insert.run('three', 'y').changes),
      group.run(() => {
        throw new Error('fails in a batch');
      }),
      group.run(() => insert.run('three', 'z').changes),
    ]);
    expect(values.map((v) => (v.status === 'fulfilled' ? v.value : 'failed'))).toEqual([
      1,
      'failed',
      1,
    ]);
    expect(committed('three')).toEqual(['y', 'z']);
  });

  it('settles every caller only once the shared transaction is committed', async () => {
    const group = createGroupCommitter(db);
    const seen: string[][] = [];
    await Promise.all(
      ['a', 'b', 'c'].map((item) =>
        group.run(() => insert.run('two', item)).then(() => seen.push(committed('two'))),
      ),
    );
    expect(seen).toEqual([
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
    ]);
  });

  it('returns each item its own value', async () => {
    const group = createGroupCommitter(db);
    const values = await Promise.all([1, 2, 3].map((n) => group.run(() => n * 10)));
    expect(values).toEqual([10, 20, 30]);
  });
});
