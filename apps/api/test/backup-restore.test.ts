import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDatabase } from '@kodbok/db';
import {
  freePort,
  npmRun,
  ownerClient,
  signInOwner,
  startServer,
  stopServer,
  type Call,
} from './server-process';

/*
 * Issue 12, backups: `npm run backup` copies the database of a running server that is taking
 * writes; `npm run restore` puts the copy back with the server stopped (and refuses while it runs).
 * Restored, the server shows exactly what was there when the backup was made.
 */

const dirs: string[] = [];
const servers: ChildProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map(stopServer));
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

async function ok(call: Call, method: string, url: string, body?: object) {
  const res = await call(method, url, body);
  if (res.status >= 300)
    throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A project with a study, two codes and three highlights, one with a memo; no writes to it during the backup. */
async function arrangeStill(call: Call) {
  const text = 'Åsa and Bjørn described peer support as “hope” 🌱; the role was unclear at first.';
  const project = await ok(call, 'POST', '/api/projects', { name: 'Still project' });
  const study = await ok(call, 'POST', `/api/projects/${project.id}/studies`, {
    title: 'Interviews in Tromsø',
    text,
  });
  const documentId = study.documents[0].id as string;
  const hope = await ok(call, 'POST', `/api/projects/${project.id}/codes`, { name: 'Hope' });
  const role = await ok(call, 'POST', `/api/projects/${project.id}/codes`, { name: 'Role' });
  const highlights = [];
  for (const [quote, codeId, memo] of [
    ['“hope” 🌱', hope.id, 'in their words'],
    ['peer support', role.id, undefined],
    ['the role was unclear', role.id, undefined],
  ] as const) {
    const start = text.indexOf(quote);
    highlights.push(
      await ok(call, 'POST', `/api/documents/${documentId}/highlights`, {
        start,
        end: start + quote.length,
        quote,
        codeIds: [codeId],
        ...(memo ? { memo } : {}),
      }),
    );
  }
  return { projectId: project.id as string, documentId, highlights, hope };
}

/** Everything a member sees of that project, as the API answers it. */
async function viewOf(call: Call, still: { projectId: string; documentId: string }) {
  const p = `/api/projects/${still.projectId}`;
  return {
    project: await ok(call, 'GET', p),
    codes: await ok(call, 'GET', `${p}/codes`),
    studies: await ok(call, 'GET', `${p}/studies`),
    document: await ok(call, 'GET', `/api/documents/${still.documentId}`),
    frequencies: await ok(call, 'GET', `${p}/frequencies`),
  };
}

/** Writers adding highlights to another project's document until stopped; the ids answered 201. */
async function startWriting(call: Call) {
  const text = 'Peer support workers described their role in many ways. '.repeat(200);
  const project = await ok(call, 'POST', '/api/projects', { name: 'Busy project' });
  const study = await ok(call, 'POST', `/api/projects/${project.id}/studies`, {
    title: 'Long',
    text,
  });
  const code = await ok(call, 'POST', `/api/projects/${project.id}/codes`, { name: 'Role' });
  const documentId = study.documents[0].id as string;
  const acknowledged: string[] = [];
  let running = true;
  let next = 0;
  const writer = async () => {
    while (running) {
      const start = (next++ * 7) % (text.length - 30);
      const end = start + 10 + (next % 13);
      const res = await call('POST', `/api/documents/${documentId}/highlights`, {
        start,
        end,
        quote: text.slice(start, end),
        codeIds: [code.id],
      });
      if (res.status === 201 || res.status === 200) acknowledged.push(res.body.id);
    }
  };
  const writers = Array.from({ length: 10 }, writer);
  return {
    projectId: project.id as string,
    documentId,
    codeId: code.id as string,
    acknowledged,
    stop: async () => {
      running = false;
      await Promise.all(writers);
    },
  };
}

function highlightIdsIn(file: string, documentId: string): Set<string> {
  const db = new Database(file, { readonly: true });
  try {
    const ids = db
      .prepare('SELECT id FROM highlights WHERE document_id = ?')
      .pluck()
      .all(documentId);
    return new Set(ids as string[]);
  } finally {
    db.close();
  }
}

describe('npm run backup, then npm run restore', () => {
  it('brings back exactly the state at backup time, made while the server took writes', async () => {
    const dataDir = tempDir('kodbok-backup-data-');
    const backupDir = tempDir('kodbok-backups-');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let server = await startServer(dataDir, port);
    servers.push(server);
    let call = await ownerClient(base);
    const still = await arrangeStill(call);
    const before = await viewOf(call, still);

    // Backed up while ten writers add highlights elsewhere.
    const busy = await startWriting(call);
    while (busy.acknowledged.length < 100) await new Promise((r) => setTimeout(r, 20));
    const answeredBefore = [...busy.acknowledged];
    const backup = await npmRun('backup', [backupDir], dataDir);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/checked +integrity_check ok/);
    expect(backup.stdout).toMatch(/holds .*2 projects, 2 studies, 2 documents, 3 codes/);
    const [name, ...others] = readdirSync(backupDir);
    expect(others).toEqual([]);
    expect(name).toMatch(/^kodbok-backup-\d{8}T\d{6}Z\.sqlite$/);
    const file = path.join(backupDir, name!);
    expect(backup.stdout).toContain(file);
    await busy.stop();

    // One moment's state: every write answered before the backup began is in it; writes went on
    // after it (absent from it); and every highlight it holds was answered 201.
    const inBackup = highlightIdsIn(file, busy.documentId);
    expect(answeredBefore.filter((id) => !inBackup.has(id))).toEqual([]);
    expect(busy.acknowledged.length).toBeGreaterThan(inBackup.size);
    expect([...inBackup].filter((id) => !busy.acknowledged.includes(id))).toEqual([]);
    expect(checkDatabase(file)).toEqual(['ok']);

    // Changed after the backup: renamed, a highlight deleted and one added, a code and a study added.
    const p = `/api/projects/${still.projectId}`;
    await ok(call, 'PATCH', p, { name: 'Renamed after the backup' });
    await ok(call, 'DELETE', `/api/highlights/${still.highlights[1].id}`);
    await ok(call, 'POST', `${p}/codes`, { name: 'Added after the backup' });
    await ok(call, 'POST', `/api/documents/${still.documentId}/highlights`, {
      start: 0,
      end: 3,
      quote: 'Åsa',
      codeIds: [still.hope.id],
    });
    await ok(call, 'POST', `${p}/studies`, { title: 'Added later', text: 'Later text.' });
    expect(await viewOf(call, still)).not.toEqual(before);

    // Refused while the server runs, which goes on with its data untouched.
    const refused = await npmRun('restore', [file], dataDir);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/server is running.*stop it/);
    expect((await ok(call, 'GET', p)).name).toBe('Renamed after the backup');

    await stopServer(server);
    const restore = await npmRun('restore', [file], dataDir);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/previous +.*kodbok-before-restore-\d{8}T\d{6}Z\.sqlite/);
    server = await startServer(dataDir, port);
    servers.push(server);
    call = await signInOwner(base);

    // Exactly as it was: the later changes are gone, the project reads as before.
    expect(await viewOf(call, still)).toEqual(before);
    // The busy document holds the backup's highlights, no more and no fewer, and the counts kept
    // with every write agree with them (a torn copy would not).
    const busyDoc = await ok(call, 'GET', `/api/documents/${busy.documentId}`);
    expect(new Set(busyDoc.highlights.map((h: { id: string }) => h.id))).toEqual(inBackup);
    const counts = await ok(call, 'GET', `/api/projects/${busy.projectId}/frequencies`);
    expect(counts.codes.find((c: { codeId: string }) => c.codeId === busy.codeId).highlights).toBe(
      inBackup.size,
    );

    await stopServer(server);
    expect(checkDatabase(path.join(dataDir, 'kodbok.sqlite'))).toEqual(['ok']);
  }, 120_000);

  it('refuses a file that is not a Kodbok database, and leaves the data folder as it was', async () => {
    const dataDir = tempDir('kodbok-restore-data-');
    const notABackup = path.join(tempDir('kodbok-not-a-backup-'), 'notes.sqlite');
    writeFileSync(notABackup, 'These are my notes, not a database.');
    const refused = await npmRun('restore', [notABackup], dataDir);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/not a database/);
    expect(readdirSync(dataDir)).toEqual([]);
  }, 60_000);
});
