import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, inTransaction, openDatabase } from '@kodbok/db';
import { createReadRunner, type ReadRunner } from '../src/services/read-runner';
import type { ExportJob } from '../src/services/export-job';
import { createCode, createProjectWithStudy, setupOwner, startApp, type Client } from './helper';

/*
 * Exports run in the read worker and stream to the API thread only as fast as the client takes
 * them (issue 9: "without blocking other requests"; docs/decisions/012). Here the runner is
 * driven directly, as the export routes drive it, on a project of 20,000 highlights.
 */

const HIGHLIGHTS = 20_000;
const dir = mkdtempSync(path.join(tmpdir(), 'kodbok-export-stream-'));
const databaseFile = path.join(dir, 'kodbok.sqlite');
const WORKER = new URL('../src/read-worker.ts', import.meta.url);
let owner: Client;
let projectId: string;
let runner: ReadRunner;

beforeAll(async () => {
  const app = await startApp({ config: { databaseFile } });
  owner = await setupOwner(app, 'Åsa Owner');
  const text = 'Peer workers described role clarity as a daily struggle. '.repeat(200);
  const s = await createProjectWithStudy(owner, text);
  projectId = s.project.id;
  const other = await createCode(owner, projectId, 'Stigma');
  const db = openDatabase(databaseFile);
  const repos = createRepositories(db);
  inTransaction(db, () => {
    for (let i = 0; i < HIGHLIGHTS; i++) {
      const start = (i * 7) % (text.length - 40);
      repos.highlights.insert({
        documentId: s.documentId,
        projectId,
        coderId: owner.user.id,
        start,
        end: start + 30 + (i % 10),
        quote: text.slice(start, start + 30 + (i % 10)),
        prefix: '',
        suffix: '',
        memo: i % 3 === 0 ? `memo ${i} — återhämtning` : null,
        codeIds: [i % 2 ? s.code.id : other.id],
      });
    }
  });
  db.$client.close();
  runner = createReadRunner(WORKER, databaseFile);
}, 60_000);

afterAll(async () => {
  await runner.close();
  rmSync(dir, { recursive: true, force: true });
});

const job = (over: Partial<ExportJob> = {}): ExportJob =>
  ({
    kind: 'excerpts',
    format: 'csv',
    user: { ...owner.user, isInstanceOwner: true },
    projectId,
    query: {},
    ...over,
  }) as ExportJob;

async function text(body: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('exports streamed from the read worker', () => {
  it('sends the whole file: a header and a row per highlight and code', async () => {
    const file = await runner.stream(job());
    expect(file.name.ascii).toMatch(/\.csv$/);
    const csv = await text(file.body as Readable);
    // CRLF after every record; quotes hold no line breaks here.
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(HIGHLIGHTS + 1);
    expect(csv).toContain('memo 3 — återhämtning');
  });

  it('reads on only as the client takes the bytes', async () => {
    const file = await runner.stream(job());
    const body = file.body as Readable;
    const whole = (await text((await runner.stream(job())).body as Readable)).length;
    // Nobody reads: what reaches the API thread is a few chunks, not the file.
    await settle(400);
    expect(body.readableLength).toBeGreaterThan(0);
    expect(body.readableLength).toBeLessThan(whole / 3);
    // Then the client reads it all.
    expect((await text(body)).length).toBe(whole);
  });

  it('stops the export when the client goes, and goes on serving others', async () => {
    const file = await runner.stream(job());
    const body = file.body as Readable;
    await settle(100);
    body.destroy();
    const next = await runner.stream(
      job({ kind: 'codebook', format: 'csv', query: { examples: 0 } } as Partial<ExportJob>),
    );
    expect(await text(next.body as Readable)).toContain('Role clarity');
  });

  it('serves a job that comes while the idle worker stops, from the next worker', async () => {
    const codebook = job({
      kind: 'codebook',
      format: 'csv',
      query: { examples: 0 },
    } as Partial<ExportJob>);
    await text((await runner.stream(codebook)).body as Readable);
    // The idle timer's stop, and a request just after it: the old worker's exit came after the
    // new job was sent, and failed it with the old worker's jobs (a 500 to that request).
    const stopping = runner.close();
    const next = runner.stream(codebook);
    await stopping;
    expect(await text((await next).body as Readable)).toContain('Role clarity');
  });

  it('refuses before any byte: a project the user is not in is not found', async () => {
    await expect(runner.stream(job({ projectId: 'nope' }))).rejects.toMatchObject({
      statusCode: 404,
      message: 'Project not found',
    });
  });
});
