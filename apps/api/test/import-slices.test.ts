import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnalysisRepositories, createRepositories, openDatabase, type Db } from '@kodbok/db';
import { createImportRunner } from '../src/services/import-runner';
import { runImport, type ImportJob } from '../src/services/import-run';
import { discardInBackground } from '../src/services/import-staging';
import { createProjectWithStudy, setupOwner, startApp, upload, type Client } from './helper';

/*
 * An import is written in short slices into a hidden staging project and published in one short
 * transaction (issue 12 hole 2, docs/decisions/019): nobody sees part of it, a failure or a stop
 * leaves nothing behind, and other writes keep answering while it is stored.
 */

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const WORKER = new URL('../src/import-worker.ts', import.meta.url);

/** A RIS file of `n` records, each with an abstract and two attributes (keywords, notes). */
function risOf(n: number, tag: string): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      `TY  - JOUR\nTI  - ${tag} study ${i} of peer support\nAU  - Author, A${i}\nPY  - ${1990 + (i % 30)}\nJO  - Journal ${i % 7}\nKW  - keyword ${i % 11}\nN1  - note ${i}\nAB  - Peer workers described ${tag} experience number ${i}. ${'Role clarity mattered. '.repeat(20)}\nER  - \n`,
    );
  return out.join('');
}

/** A server on a file of its own, with a second connection to look at (and write to) it. */
async function arrange() {
  const dir = mkdtempSync(path.join(tmpdir(), 'kodbok-slices-'));
  dirs.push(dir);
  const databaseFile = path.join(dir, 'kodbok.sqlite');
  const app = await startApp({ config: { databaseFile } });
  const owner = await setupOwner(app);
  const s = await createProjectWithStudy(owner, 'Peer workers felt like outsiders.');
  const db = openDatabase(databaseFile, { migrate: false });
  afterAll(() => db.$client.close());
  return { app, owner, s, db, databaseFile, projectId: s.project.id as string };
}

/** Everything an import could leave in the project, and the staging projects in the file. */
function snapshot(db: Db, projectId: string) {
  const rows = (sql: string) => db.$client.prepare(sql).all(projectId);
  return {
    studies: rows('SELECT * FROM studies WHERE project_id = ? ORDER BY id'),
    // Listed through their studies, as every reader finds them; and any that name the project.
    documents: rows(
      'SELECT d.id, d.study_id, d.length FROM documents d JOIN studies s ON s.id = d.study_id WHERE s.project_id = ? ORDER BY d.id',
    ),
    naming: rows('SELECT count(*) AS n FROM documents WHERE project_id = ?'),
    attributes: rows(
      'SELECT a.* FROM study_attributes a JOIN studies s ON s.id = a.study_id WHERE s.project_id = ? ORDER BY 1, 2',
    ),
    types: rows('SELECT * FROM attributes WHERE project_id = ? ORDER BY name') as Array<{
      name: string;
    }>,
    activity: rows('SELECT id FROM activity WHERE project_id = ?'),
    staging: db.$client.prepare('SELECT id FROM projects WHERE staged_for IS NOT NULL').all(),
    allStudies: db.$client.prepare('SELECT count(*) AS n FROM studies').get(),
    allDocuments: db.$client.prepare('SELECT count(*) AS n FROM documents').get(),
  };
}

/** Record 7 of `risOf(n, 'E')` as a study added by hand, but for its journal. */
const studyE7 = {
  title: 'E study 7 of peer support',
  authors: ['Author, A7'],
  year: 1997,
  journal: 'By hand',
  doi: null,
};

const commitJob = (projectId: string, owner: Client, content: string): ImportJob => ({
  mode: 'commit',
  projectId,
  choice: 'skip',
  actorId: owner.user.id,
  upload: { files: [{ name: 'big.ris', bytes: new TextEncoder().encode(content) }] },
});

describe('an import stored in slices', () => {
  it('lands completely, though written in many slices that nobody sees until the end', async () => {
    const { owner, db, projectId } = await arrange();
    const before = snapshot(db, projectId);
    const repos = createRepositories(db);
    const { excerpts } = createAnalysisRepositories(db);
    let slices = 0;
    const result = runImport(
      db,
      createRepositories(db),
      commitJob(projectId, owner, risOf(300, 'A')),
      {
        slicing: {
          sliceMs: 0, // one study per slice
          pauseMs: 0,
          afterSlice: (n) => {
            slices = n;
            // Between slices the project shows exactly what it had.
            if (n % 50 !== 0) return;
            expect(snapshot(db, projectId).studies).toEqual(before.studies);
            expect(snapshot(db, projectId).documents).toEqual(before.documents);
            // Staged documents already name the project: listings must find them by study.
            expect(repos.exports.documents(projectId)).toHaveLength(1);
            expect(excerpts.searchDocuments(projectId, 'experience', 10)).toEqual([]);
            // Instance-wide: the staging project is nobody's to claim, and is not counted.
            expect(repos.projects.listStaging()).toHaveLength(1);
            expect(repos.projects.listWithoutOwner()).toEqual([]);
            expect(repos.projects.count()).toBe(1);
          },
        },
      },
    );
    expect(slices).toBe(300);
    expect(result).toEqual({ created: 300, updated: 0, skipped: 0 });
    const after = snapshot(db, projectId);
    expect(after.studies).toHaveLength(301);
    expect(after.documents).toHaveLength(301);
    expect(after.attributes).toHaveLength(600);
    expect(after.types.map((t) => t.name)).toEqual(['keywords', 'notes']);
    expect(after.activity).toHaveLength(before.activity.length + 1);
    expect(after.staging).toEqual([]);
  });

  it('leaves the project exactly as it was when a late slice fails, and no staging project', async () => {
    const { owner, db, projectId } = await arrange();
    runImport(db, createRepositories(db), commitJob(projectId, owner, risOf(5, 'Old')));
    const before = snapshot(db, projectId);
    const run = () =>
      runImport(db, createRepositories(db), commitJob(projectId, owner, risOf(200, 'B')), {
        slicing: {
          sliceMs: 0,
          pauseMs: 0,
          afterSlice: (n) => {
            if (n === 199) throw new Error('disk full (injected)');
          },
        },
      });
    expect(run).toThrow('disk full (injected)');
    expect(snapshot(db, projectId)).toEqual(before);
  });

  it.each([
    ['skip', { created: 199, updated: 0, skipped: 1 }, 'By hand'],
    ['update', { created: 199, updated: 1, skipped: 0 }, 'Journal 0'],
  ] as const)(
    'checks duplicates again against a study added while it was staged (%s)',
    async (choice, expected, journal) => {
      const { owner, db, projectId } = await arrange();
      const repos = createRepositories(db);
      const job = { ...commitJob(projectId, owner, risOf(200, 'E')), choice };
      const result = runImport(db, repos, job, {
        slicing: {
          sliceMs: 0,
          pauseMs: 0,
          // Someone adds the file's 8th study by hand while the import is being stored.
          afterSlice: (n) => {
            if (n === 100) repos.studies.insert(projectId, studyE7);
          },
        },
      });
      expect(result).toEqual(expected);
      const studies = snapshot(db, projectId).studies as Array<{ title: string; journal: string }>;
      expect(studies).toHaveLength(201);
      expect(studies.filter((s) => s.title === studyE7.title).map((s) => s.journal)).toEqual([
        journal,
      ]);
    },
  );

  it('leaves nothing behind when the worker is stopped part-way (client gone)', async () => {
    const { owner, db, projectId, databaseFile } = await arrange();
    const before = snapshot(db, projectId);
    const discarded: Array<Promise<void>> = [];
    const repos = createRepositories(db);
    const runner = createImportRunner(
      WORKER,
      databaseFile,
      'import',
      { timeLimit: 60_000, atOnce: { total: 1, perUser: 1 } },
      (id) => discarded.push(discardInBackground(db, repos, id, (err) => console.error(err))),
    );
    const controller = new AbortController();
    const running = runner(commitJob(projectId, owner, risOf(5000, 'C')), {
      signal: controller.signal,
    });
    running.catch(() => {});
    // Stop it once some slices are stored in the staging project.
    for (;;) {
      const staged = db.$client
        .prepare(
          'SELECT count(*) AS n FROM studies WHERE project_id IN (SELECT id FROM projects WHERE staged_for IS NOT NULL)',
        )
        .get() as { n: number };
      if (staged.n > 500) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    controller.abort();
    await expect(running).rejects.toThrow('The import was cancelled');
    while (discarded.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await Promise.all(discarded);
    expect(snapshot(db, projectId)).toEqual(before);
  });

  it('keeps memo edits and highlight writes answering during a large commit (no 503)', async () => {
    const { app, owner, s, db, projectId } = await arrange();
    const stagingSeen = () =>
      db.$client.prepare('SELECT 1 FROM projects WHERE staged_for IS NOT NULL').get() !== undefined;
    let done = false;
    const statuses: number[] = [];
    const latency = { memo: 0, highlight: 0, health: 0 };
    let duringCommit = 0;
    const timed = async (
      kind: keyof typeof latency,
      send: () => Promise<{ statusCode: number }>,
    ) => {
      const start = performance.now();
      const res = await send();
      latency[kind] = Math.max(latency[kind], performance.now() - start);
      statuses.push(res.statusCode);
      if (stagingSeen()) duringCommit++;
    };
    const writer = async () => {
      for (let i = 0; !done; i++) {
        await timed('memo', () =>
          owner.request('PUT', `/api/projects/${projectId}/memos`, {
            on: 'project',
            text: `m${i}`,
          }),
        );
        await timed('highlight', () =>
          owner.request('POST', `/api/documents/${s.documentId}/highlights`, {
            start: 0,
            end: 4,
            quote: 'Peer',
            codeIds: [s.code.id],
          }),
        );
        await timed('health', () => app.inject({ method: 'GET', url: '/api/health' }));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const writing = writer();
    const res = await upload(app, owner, `/api/projects/${projectId}/imports?mode=commit`, [
      { name: 'big.ris', content: risOf(10_000, 'D') },
    ]);
    done = true;
    await writing;
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ created: 10_000 });
    console.log(
      `during a 10,000-record import: ${statuses.length} requests, ${duringCommit} while it was being stored; max latency memo ${latency.memo.toFixed(0)} ms, highlight ${latency.highlight.toFixed(0)} ms, /api/health ${latency.health.toFixed(0)} ms`,
    );
    expect(duringCommit).toBeGreaterThan(10);
    expect(statuses.filter((c) => c >= 300)).toEqual([]);
  }, 60_000);
});
