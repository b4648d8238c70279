import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkDatabase } from '@kodbok/db';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createHighlight,
  createProjectWithStudy,
  createUser,
  SAME_ORIGIN,
  setupOwner,
  startApp,
} from './helper';

// The copies are made in the backups folder; this one is the test's own, to see it emptied.
const scratch = mkdtempSync(path.join(tmpdir(), 'kodbok-backup-download-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const backupDir = path.join(scratch, 'backups');
const app = await startApp({ config: { backupDir } });
const owner = await setupOwner(app);
const { project, documentId, code } = await createProjectWithStudy(
  owner,
  'Åsa said the peer role gave her 希望 and 🌱 every week.',
);
const highlight = await createHighlight(owner, documentId, 'peer role', [code.id]);

/** Waits (up to a second) for the folder to hold no file. */
async function emptied(dir: string) {
  for (let i = 0; i < 100 && readdirSync(dir).length > 0; i++)
    await new Promise((r) => setTimeout(r, 10));
}

const download = (headers: Record<string, string>) =>
  app.inject({ method: 'GET', url: '/api/admin/backup', headers: { ...SAME_ORIGIN, ...headers } });

describe('GET /api/admin/backup', () => {
  it('requires a signed-in caller', async () => {
    const res = await download({});
    expect(res.statusCode).toBe(401);
  });

  it('is refused to an account that is not the instance owner', async () => {
    const coder = await createUser(app, owner);
    const res = await coder.request('GET', '/api/admin/backup');
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/instance owner/);
  });

  it('gives the instance owner a SQLite file that opens, passes its check and holds the data', async () => {
    const res = await download({ cookie: owner.cookie, 'accept-encoding': 'br, gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.sqlite3');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="kodbok-backup-\d{8}T\d{6}Z\.sqlite"/,
    );
    // Sent as it is: the bytes on the wire are the file.
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);

    const file = path.join(scratch, 'download.sqlite');
    writeFileSync(file, res.rawPayload);
    // The full check, with the SQL functions Kodbok's indexes use.
    expect(checkDatabase(file)).toEqual(['ok']);
    const copy = new Database(file, { readonly: true });
    try {
      // A self-contained file: a rollback journal, so nothing waits in a -wal beside it.
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      const one = (sql: string, ...args: unknown[]) =>
        copy
          .prepare(sql)
          .pluck()
          .get(...args);
      expect(one('SELECT name FROM projects WHERE id = ?', project.id)).toBe(project.name);
      expect(one('SELECT name FROM codes WHERE id = ?', code.id)).toBe('Role clarity');
      expect(one('SELECT quote FROM highlights WHERE id = ?', highlight.id)).toBe('peer role');
    } finally {
      copy.close();
    }
  });

  it('makes one copy at a time: a second request meanwhile answers 429', async () => {
    await emptied(backupDir);
    const both = await Promise.all([
      download({ cookie: owner.cookie }),
      download({ cookie: owner.cookie }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 429]);
    expect(both.find((r) => r.statusCode === 429)!.json().message).toMatch(/being made already/);
  });

  it('leaves no copy behind in the backups folder once the file is sent', async () => {
    await emptied(backupDir);
    const res = await download({ cookie: owner.cookie });
    expect(res.statusCode).toBe(200);
    // Removed when the file's stream closes, a moment after the last byte.
    await emptied(backupDir);
    expect(readdirSync(backupDir)).toEqual([]);
  });
});
