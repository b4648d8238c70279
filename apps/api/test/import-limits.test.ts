import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createImportRunner } from '../src/services/import-runner';
import type { ImportJob } from '../src/services/import-run';
import { createUser, setupOwner, startApp, upload, type Client } from './helper';
import type { App } from '../src/app';

/*
 * Imports run in workers of their own, limited (issue 12, hole 1): how many at once, in all and
 * per user (429 beyond), how long (422, nothing stored), and stopped when the client goes.
 */

const ris = readFileSync(new URL('../src/demo/peer-support.ris', import.meta.url), 'utf8');
const WORKER = new URL('../src/import-worker.ts', import.meta.url);

async function project(app: App, owner: Client) {
  return (await owner.request('POST', '/api/projects', { name: `Limits ${Math.random()}` })).json()
    .id as string;
}
const importUrl = (projectId: string, mode: string) =>
  `/api/projects/${projectId}/imports?mode=${mode}`;

describe('import limits', () => {
  it('stops an import past its time limit with 422, storing nothing', async () => {
    const app = await startApp({ config: { importTimeLimit: 1 } });
    const owner = await setupOwner(app);
    const projectId = await project(app, owner);
    const res = await upload(app, owner, importUrl(projectId, 'commit'), [
      { name: 'peer-support.ris', content: ris },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(
      /^The import took longer than 0 s and was stopped; nothing was stored/,
    );
    expect((await owner.request('GET', `/api/projects/${projectId}/studies`)).json()).toEqual([]);
  });

  it('runs one import per user at a time here: a second at once is refused with 429, another user’s runs', async () => {
    const app = await startApp({ config: { importsAtOnce: { total: 3, perUser: 1 } } });
    const owner = await setupOwner(app);
    const other = await createUser(app, owner, 'Other Owner');
    const mine = await project(app, owner);
    const theirs = await project(app, other);
    const file = [{ name: 'peer-support.ris', content: ris }];
    const [a, b, c] = await Promise.all([
      upload(app, owner, importUrl(mine, 'preview'), file),
      upload(app, owner, importUrl(mine, 'preview'), file),
      upload(app, other, importUrl(theirs, 'preview'), file),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 429]);
    expect([a, b].find((r) => r.statusCode === 429)!.json().message).toBe(
      'You already have 1 imports running: wait until one has finished, then try again',
    );
    expect(c.statusCode).toBe(200);
    // The place is given back: the next one runs.
    expect((await upload(app, owner, importUrl(mine, 'preview'), file)).statusCode).toBe(200);
  });

  it('stops a job whose client went away, storing nothing, and frees its place', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kodbok-limits-'));
    const databaseFile = path.join(dir, 'kodbok.sqlite');
    const app = await startApp({ config: { databaseFile } });
    const owner = await setupOwner(app);
    const projectId = await project(app, owner);
    const runner = createImportRunner(WORKER, databaseFile, 'import', {
      timeLimit: 60_000,
      atOnce: { total: 1, perUser: 1 },
    });
    // The file's bytes move to the worker, so each job gets its own.
    const job = (): ImportJob => ({
      mode: 'commit',
      projectId,
      choice: 'skip',
      actorId: owner.user.id,
      upload: { files: [{ name: 'peer-support.ris', bytes: new TextEncoder().encode(ris) }] },
    });
    const controller = new AbortController();
    const running = runner(job(), { userId: 'u', signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toThrow('The import was cancelled: the client went away');
    expect((await owner.request('GET', `/api/projects/${projectId}/studies`)).json()).toEqual([]);
    await expect(runner(job(), { userId: 'u' })).resolves.toMatchObject({ created: 4 });
    rmSync(dir, { recursive: true, force: true });
  });
});
