import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServer as start } from './server-process';
import { generatedQdpx } from './refi-generated';

/*
 * The promise a coder relies on (issue 12): a highlight answered 201 is stored. The real server
 * runs as a process of its own, takes concurrent highlight writes, and is killed with SIGKILL
 * part-way (or stopped with SIGTERM); after a restart every acknowledged highlight is there and
 * SQLite's integrity check is ok.
 */

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/** A signed-in owner with a project, a long study and a code, on a fresh server. */
async function arrange(base: string) {
  const origin = { origin: base, 'content-type': 'application/json' };
  const setup = await fetch(`${base}/api/setup`, {
    method: 'POST',
    headers: origin,
    body: JSON.stringify({
      email: 'owner@example.org',
      name: 'Owner',
      password: 'owner password 123',
    }),
  });
  const cookie = setup.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const headers = { ...origin, cookie };
  const post = async (url: string, body: object) =>
    (await (
      await fetch(`${base}${url}`, { method: 'POST', headers, body: JSON.stringify(body) })
    ).json()) as { id: string; documents: Array<{ id: string }> };
  const project = await post('/api/projects', { name: 'Durability' });
  const text = 'Peer support workers described their role in many ways. '.repeat(400);
  const study = await post(`/api/projects/${project.id}/studies`, { title: 'Long', text });
  const code = await post(`/api/projects/${project.id}/codes`, { name: 'Role' });
  return { headers, text, documentId: study.documents[0]!.id, codeId: code.id };
}

/** 20 writers adding highlights until told to stop; the ids of those answered 201. */
function write(base: string, a: Awaited<ReturnType<typeof arrange>>) {
  const acknowledged: string[] = [];
  let running = true;
  let next = 0;
  const writer = async () => {
    while (running) {
      const start = (next++ * 7) % (a.text.length - 20);
      try {
        const res = await fetch(`${base}/api/documents/${a.documentId}/highlights`, {
          method: 'POST',
          headers: a.headers,
          body: JSON.stringify({
            start,
            end: start + 10 + (next % 7),
            quote: a.text.slice(start, start + 10 + (next % 7)),
            codeIds: [a.codeId],
          }),
        });
        if (res.status === 201 || res.status === 200)
          acknowledged.push(((await res.json()) as { id: string }).id);
        // 503: the server is closing; a client stops there.
        else if (res.status === 503) return;
      } catch {
        return; // the server is gone
      }
    }
  };
  const writers = Array.from({ length: 20 }, writer);
  return {
    acknowledged,
    stop: async () => {
      running = false;
      await Promise.all(writers);
    },
  };
}

function count(dataDir: string, table: 'studies'): number {
  const db = new Database(path.join(dataDir, 'kodbok.sqlite'), { readonly: true });
  try {
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

/** The staging projects of unfinished imports (docs/decisions/019) and the studies they hold. */
function staging(dataDir: string): { projects: number; studies: number } {
  const db = new Database(path.join(dataDir, 'kodbok.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT (SELECT count(*) FROM projects WHERE staged_for IS NOT NULL) AS projects,
          (SELECT count(*) FROM studies WHERE project_id IN
            (SELECT id FROM projects WHERE staged_for IS NOT NULL)) AS studies`,
      )
      .get() as { projects: number; studies: number };
  } finally {
    db.close();
  }
}

/** Rows a REFI-QDA project import adds (a project, its coders' accounts, their coding). */
function refiRows(dataDir: string) {
  const db = new Database(path.join(dataDir, 'kodbok.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT (SELECT count(*) FROM projects) AS projects, (SELECT count(*) FROM users) AS users,
          (SELECT count(*) FROM highlights) AS highlights, (SELECT count(*) FROM activity) AS activity`,
      )
      .get() as { projects: number; users: number; highlights: number; activity: number };
  } finally {
    db.close();
  }
}

function storedIds(dataDir: string): Set<string> {
  const db = new Database(path.join(dataDir, 'kodbok.sqlite'), { readonly: true });
  try {
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    return new Set(db.prepare('SELECT id FROM highlights').pluck().all() as string[]);
  } finally {
    db.close();
  }
}

describe('durability of acknowledged writes', () => {
  it.each(['SIGKILL', 'SIGTERM'] as const)(
    'keeps every highlight answered 201 when the server gets %s part-way through a burst',
    async (signal) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'kodbok-durable-'));
      dirs.push(dataDir);
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      let server = await start(dataDir, port);
      const a = await arrange(base);
      const burst = write(base, a);
      while (burst.acknowledged.length < 200) await new Promise((r) => setTimeout(r, 20));
      server.kill(signal);
      const code = await exited(server);
      await burst.stop();
      if (signal === 'SIGTERM') {
        // Closed cleanly: exit code 0, and the write-ahead log folded into the database file.
        expect(code).toBe(0);
        expect(existsSync(path.join(dataDir, 'kodbok.sqlite-wal'))).toBe(false);
      }
      expect(burst.acknowledged.length).toBeGreaterThanOrEqual(200);

      // Restarted on the same file: every acknowledged highlight is there, the file is sound.
      server = await start(dataDir, port);
      server.kill('SIGTERM');
      await exited(server);
      const stored = storedIds(dataDir);
      const missing = burst.acknowledged.filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
    },
    60_000,
  );

  // Killed at three moments of a 20,000-record import: 1 s and 1.8 s into it (while it is read
  // and parsed, or already written in slices: it varies with the machine's load), and once the
  // staging project holds studies (docs/decisions/019). Each time the import is there whole or
  // not at all, and what a killed import staged is deleted after the restart.
  it.each([1_000, 1_800, 'staged'] as const)(
    'keeps an import all or nothing when the server is killed (%s)',
    async (delay) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'kodbok-durable-'));
      dirs.push(dataDir);
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      let server = await start(dataDir, port);
      const a = await arrange(base);
      const projects = (await (
        await fetch(`${base}/api/projects`, { headers: a.headers })
      ).json()) as Array<{ id: string }>;
      const projectId = projects[0]!.id;
      const records = 20_000;
      const ris = Array.from(
        { length: records },
        (_, i) =>
          `TY  - JOUR\nTI  - Peer support study ${i}\nAU  - Author, A.\nPY  - 2020\nAB  - ${'An abstract. '.repeat(40)}\nER  - \n`,
      ).join('');
      const form = new FormData();
      form.append('file', new Blob([ris]), 'many.ris');
      const { 'content-type': _json, ...headers } = a.headers;
      const importing = fetch(`${base}/api/projects/${projectId}/imports?mode=commit`, {
        method: 'POST',
        headers,
        body: form,
      }).catch(() => null);
      if (delay !== 'staged') await new Promise((r) => setTimeout(r, delay));
      else
        for (let i = 0; i < 1500 && staging(dataDir).studies === 0; i++)
          await new Promise((r) => setTimeout(r, 20));
      server.kill('SIGKILL');
      await exited(server);
      const answer = await importing;
      const left = staging(dataDir);
      server = await start(dataDir, port);
      // The restarted server deletes the leftovers in short slices, between requests.
      for (let i = 0; i < 300 && staging(dataDir).projects > 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      server.kill('SIGTERM');
      await exited(server);
      console.log(
        `killed (${delay}): ${left.studies} studies left in ${left.projects} staging project(s)`,
      );
      if (delay === 'staged') expect(left.studies).toBeGreaterThan(0);
      expect(staging(dataDir)).toEqual({ projects: 0, studies: 0 });
      // The one study of arrange(), and the import's records all or none.
      const studies = count(dataDir, 'studies') - 1;
      expect([0, records]).toContain(studies);
      if (answer?.status === 201) expect(studies).toBe(records);
    },
    60_000,
  );

  // A REFI-QDA project import writes its new project in slices too, hidden until its last
  // transaction (docs/decisions/019): killed while it is being written, it leaves nothing once
  // the restarted server has deleted the hidden project and the coder accounts made for it.
  it('leaves no project and no coder account when the server is killed during a REFI-QDA import', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kodbok-durable-'));
    dirs.push(dataDir);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let server = await start(dataDir, port);
    const a = await arrange(base);
    const before = refiRows(dataDir);
    const shape = { sources: 400, selectionsPerSource: 20, coders: 4, codes: 20, words: 200 };
    const form = new FormData();
    form.append('file', new Blob([generatedQdpx(shape)]), 'big.qdpx');
    const { 'content-type': _json, ...headers } = a.headers;
    const importing = fetch(`${base}/api/projects/from-qdpx?mode=commit`, {
      method: 'POST',
      headers,
      body: form,
    }).catch(() => null);
    for (let i = 0; i < 1500 && refiRows(dataDir).highlights === before.highlights; i++)
      await new Promise((r) => setTimeout(r, 20));
    server.kill('SIGKILL');
    await exited(server);
    expect((await importing)?.status).toBeUndefined();
    const left = refiRows(dataDir);
    server = await start(dataDir, port);
    for (let i = 0; i < 300 && staging(dataDir).projects > 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    server.kill('SIGTERM');
    await exited(server);
    expect(left.highlights).toBeGreaterThan(before.highlights);
    expect(left.users).toBeGreaterThan(before.users);
    expect(refiRows(dataDir)).toEqual(before);
  }, 60_000);
});
