import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { isBusy, openDatabase } from '@kodbok/db';
import { createProjectWithStudy, setupOwner, startApp } from './helper';

/*
 * While another connection holds the write lock for a long time (an import being stored, issue
 * 12 hole 2), the API keeps answering: reads and /api/health at once, a highlight waits for the
 * lock without freezing anything and is stored, and any other write is a 503 that says why,
 * never a 500.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'kodbok-busy-'));
const databaseFile = path.join(dir, 'kodbok.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a database busy with another connection’s long write', () => {
  it('keeps reads answering, queues highlight writes, and refuses other writes with 503', async () => {
    const app = await startApp({ config: { databaseFile } });
    const owner = await setupOwner(app);
    const s = await createProjectWithStudy(owner, 'Peer workers felt like outsiders.');
    const importer = openDatabase(databaseFile, { migrate: false });
    importer.$client.prepare('BEGIN IMMEDIATE').run();
    let released = false;
    try {
      const highlight = owner.request('POST', `/api/documents/${s.documentId}/highlights`, {
        start: 0,
        end: 12,
        quote: 'Peer workers',
        codeIds: [s.code.id],
      });
      let highlightAnswered = false;
      void highlight.then(() => (highlightAnswered = true));

      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      const studies = await owner.request('GET', `/api/projects/${s.project.id}/studies`);
      expect(studies.statusCode).toBe(200);
      const code = await owner.request('POST', `/api/projects/${s.project.id}/codes`, {
        name: 'Belonging',
      });
      // Tried again for a second (plugins/busy-retry.ts), then refused: the lock stayed taken.
      expect(code.statusCode).toBe(503);
      expect(code.headers['retry-after']).toBe('2');
      expect(code.json().message).toMatch(/^The database is busy storing a large change/);

      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(highlightAnswered).toBe(false);
      importer.$client.prepare('COMMIT').run();
      released = true;
      const res = await highlight;
      expect(res.statusCode).toBe(201);
      const doc = (await owner.request('GET', `/api/documents/${s.documentId}`)).json();
      expect(doc.highlights.map((h: { quote: string }) => h.quote)).toEqual(['Peer workers']);
    } finally {
      if (!released) importer.$client.prepare('ROLLBACK').run();
      importer.$client.close();
    }
  });

  it('runs a write again once a lock held for a moment is free, answering others meanwhile', async () => {
    const app = await startApp({ config: { databaseFile: path.join(dir, 'brief.sqlite') } });
    const owner = await setupOwner(app);
    const s = await createProjectWithStudy(owner, 'Peer workers felt like outsiders.');
    const importer = openDatabase(path.join(dir, 'brief.sqlite'), { migrate: false });
    try {
      importer.$client.prepare('BEGIN IMMEDIATE').run(); // an import's slice, held 300 ms
      const order: string[] = [];
      const code = owner
        .request('POST', `/api/projects/${s.project.id}/codes`, { name: 'Belonging' })
        .then((res) => (order.push('code'), res));
      const health = app
        .inject({ method: 'GET', url: '/api/health' })
        .then((res) => (order.push('health'), res));
      await new Promise((resolve) => setTimeout(resolve, 300));
      importer.$client.prepare('COMMIT').run();
      expect((await health).statusCode).toBe(200);
      const created = await code;
      expect(created.statusCode, created.body).toBe(201);
      // The waiting write did not hold the API's thread: the health check came back first.
      expect(order).toEqual(['health', 'code']);
      const codes = (await owner.request('GET', `/api/projects/${s.project.id}/codes`)).json();
      expect(codes.map((c: { name: string }) => c.name)).toContain('Belonging');
    } finally {
      if (importer.$client.inTransaction) importer.$client.prepare('ROLLBACK').run();
      importer.$client.close();
    }
  });
});

describe('a write that meets the lock', () => {
  it('is known as busy whether it came through drizzle or straight from the driver', () => {
    const holder = openDatabase(databaseFile, { migrate: false });
    const other = openDatabase(databaseFile, { migrate: false, busyTimeout: 0 });
    holder.$client.prepare('BEGIN IMMEDIATE').run();
    try {
      const caught = (write: () => unknown) => {
        try {
          write();
        } catch (err) {
          return err;
        }
        return null;
      };
      const viaDrizzle = caught(() => other.run(sql`DELETE FROM counts_log WHERE seq < 0`));
      const viaDriver = caught(() => other.$client.prepare('DELETE FROM counts_log').run());
      expect(viaDrizzle).not.toBeNull();
      expect([isBusy(viaDrizzle), isBusy(viaDriver)]).toEqual([true, true]);
      expect(isBusy(new Error('no such table: x'))).toBe(false);
    } finally {
      holder.$client.prepare('ROLLBACK').run();
      holder.$client.close();
      other.$client.close();
    }
  });
});
