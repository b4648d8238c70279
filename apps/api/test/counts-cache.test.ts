import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { COUNTS_LOG_SPAN, createRepositories, pruneCountsLog } from '@kodbok/db';
import {
  addMember,
  createHighlight,
  createProjectWithStudy,
  createUser,
  setupOwner,
  startAppWithDatabase,
} from './helper';

/*
 * The read worker's copy of the counts (counts-cache.ts, decision 020) follows counts_log. When
 * the rows it needs have been pruned, it must read the counts again rather than answer from a
 * stale copy. A second connection to the same file prunes the log, as the API thread's pruner
 * does on its own schedule.
 */
const { app, db } = await startAppWithDatabase();
const owner = await setupOwner(app);
const coder = await createUser(app, owner, 'Second coder');

const TEXT = 'Peer workers described role clarity, stigma and supervision as daily concerns.';

async function twoCoderCounts(projectId: string, codeId: string) {
  const res = await owner.request(
    'GET',
    `/api/projects/${projectId}/frequencies?coders=${owner.user.id},${coder.user.id}`,
  );
  expect(res.statusCode).toBe(200);
  return res.json().codes.find((c: { codeId: string }) => c.codeId === codeId);
}

describe('the read worker’s counts', () => {
  it('follow a new document that took a deleted document’s rowid (SQLite reuses the last row’s)', async () => {
    const { project, documentId, code } = await createProjectWithStudy(owner, TEXT);
    await addMember(owner, project.id, coder, 'coder');
    await createHighlight(owner, documentId, 'role clarity', [code.id]);
    const addStudy = async (title: string) =>
      (
        await owner.request('POST', `/api/projects/${project.id}/studies`, { title, text: TEXT })
      ).json();
    const gone = await addStudy('Deleted later');
    await createHighlight(owner, gone.documents[0].id, 'stigma', [code.id]);
    await createHighlight(coder, gone.documents[0].id, 'supervision', [code.id]);
    // The copy is made here, with the newest document's counts under its rowid.
    expect(await twoCoderCounts(project.id, code.id)).toMatchObject({ highlights: 3 });

    const rowid = (id: string) =>
      db.$client.prepare('SELECT rowid FROM documents WHERE id = ?').pluck().get(id);
    const before = rowid(gone.documents[0].id);
    expect((await owner.request('DELETE', `/api/studies/${gone.id}`)).statusCode).toBe(204);
    const next = await addStudy('Added after');
    // The premise: the new document has the deleted one's rowid.
    expect(rowid(next.documents[0].id)).toBe(before);
    await createHighlight(owner, next.documents[0].id, 'daily concerns', [code.id]);

    expect(await twoCoderCounts(project.id, code.id)).toMatchObject({
      highlights: 2,
      documents: 2,
      studies: 2,
    });
  });

  const newest = () =>
    db.$client.prepare('SELECT max(seq) FROM counts_log').pluck().get() as number;
  for (const prune of [
    { what: 'every logged change', through: () => null },
    // The newest change kept: a copy that applied it alone would lack the coder's highlight.
    { what: 'all but the newest logged change', through: () => newest() - 1 },
  ]) {
    it(`are read again when ${prune.what} was pruned since they were copied`, async () => {
      const { project, documentId, code } = await createProjectWithStudy(owner, TEXT);
      await addMember(owner, project.id, coder, 'coder');
      await createHighlight(owner, documentId, 'role clarity', [code.id]);
      // The worker copies the project's counts on this first filtered view.
      expect(await twoCoderCounts(project.id, code.id)).toMatchObject({ highlights: 1 });

      await createHighlight(coder, documentId, 'stigma', [code.id]);
      await createHighlight(owner, documentId, 'supervision', [code.id]);
      const limits = { through: prune.through(), maxBacklog: 1_000_000, chunk: 1_000_000 };
      expect(pruneCountsLog(db, limits)).toBeGreaterThan(0);

      expect(await twoCoderCounts(project.id, code.id)).toMatchObject({
        highlights: 3,
        documents: 1,
        studies: 1,
      });
    });
  }

  it('are pruned a chunk at a time, up to what the copies took, keeping a bounded backlog', async () => {
    const { project, documentId, code } = await createProjectWithStudy(owner, TEXT);
    await addMember(owner, project.id, coder, 'coder');
    await createHighlight(owner, documentId, 'role clarity', [code.id]);
    await createHighlight(owner, documentId, 'stigma', [code.id]);
    const seqs = () =>
      db.$client.prepare('SELECT seq FROM counts_log ORDER BY seq').pluck().all() as number[];
    const before = seqs();
    const all = { through: null, maxBacklog: 1_000_000, chunk: 1_000_000 };
    expect(pruneCountsLog(db, { ...all, chunk: 1 })).toBe(1);
    expect(seqs()).toEqual(before.slice(1));
    // A copy that took nothing yet keeps everything but what is beyond the backlog.
    expect(pruneCountsLog(db, { ...all, through: 0 })).toBe(0);
    pruneCountsLog(db, { ...all, through: 0, maxBacklog: 1 });
    expect(seqs()).toEqual(before.slice(-1));
    expect(pruneCountsLog(db, { ...all, through: before.at(-2)! })).toBe(0);
    expect(pruneCountsLog(db, all)).toBe(1);
    expect(await twoCoderCounts(project.id, code.id)).toMatchObject({ highlights: 2 });
  });

  it('are kept current between views, and the log is pruned to what they took', async () => {
    const { project, documentId, code } = await createProjectWithStudy(owner, TEXT);
    await addMember(owner, project.id, coder, 'coder');
    await createHighlight(owner, documentId, 'role clarity', [code.id]);
    await twoCoderCounts(project.id, code.id);
    await createHighlight(coder, documentId, 'stigma', [code.id]);
    const logged = () => db.$client.prepare('SELECT count(*) FROM counts_log').pluck().get();
    expect(logged()).toBeGreaterThan(0);
    // The server's follower runs every 2 s: the worker applies the change, then the log goes.
    const deadline = Date.now() + 10_000;
    while (logged() !== 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(logged()).toBe(0);
    expect(await twoCoderCounts(project.id, code.id)).toMatchObject({ highlights: 2 });
  });

  it('are read whole when a code’s documents lie far apart in a large project', async () => {
    // The copy is read a code at a time, documents found by a cursor over the numbering: a
    // code in the first and the 80th document jumps past the cursor's short search.
    const { project, documentId, code } = await createProjectWithStudy(owner, TEXT);
    await addMember(owner, project.id, coder, 'coder');
    let last = documentId;
    for (let i = 1; i < 80; i++) {
      const study = await owner.request('POST', `/api/projects/${project.id}/studies`, {
        title: `Study ${i}`,
        text: TEXT,
      });
      last = study.json().documents[0].id;
    }
    await createHighlight(owner, documentId, 'role clarity', [code.id]);
    await createHighlight(coder, documentId, 'stigma', [code.id]);
    await createHighlight(owner, last, 'stigma', [code.id]);
    await createHighlight(coder, last, 'supervision', [code.id]);
    expect(await twoCoderCounts(project.id, code.id)).toMatchObject({
      highlights: 4,
      documents: 2,
      studies: 2,
    });
  });

  it('are pruned without reading the whole log: the API thread runs this every 2 s', () => {
    // After a large import the log holds millions of changes; a scan of them froze every request
    // for half a second. The pruner's reads must go by the log's key.
    const plan = db
      .all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${COUNTS_LOG_SPAN}`)
      .map((row) => row.detail);
    expect(plan.filter((step) => /^SCAN counts_log/.test(step))).toEqual([]);
    expect(plan.filter((step) => /^SEARCH counts_log/.test(step))).toHaveLength(2);
  });
});

describe('a code’s counts read in batches', () => {
  it('are every row of the code in key order, whatever the batch size', async () => {
    const { project, code } = await createProjectWithStudy(owner, TEXT);
    await addMember(owner, project.id, coder, 'coder');
    // Three studies coded by two coders: six rows, so batches of 1, 2 and 4 end on a coder, on a
    // document and in the middle of one.
    for (let i = 0; i < 3; i++) {
      const study = (
        await owner.request('POST', `/api/projects/${project.id}/studies`, {
          title: `Study ${i}`,
          text: TEXT,
        })
      ).json();
      for (const by of [owner, coder])
        await createHighlight(by, study.documents[0].id, 'stigma', [code.id]);
    }
    const row = db.$client.prepare('SELECT rowid FROM codes WHERE id = ?').pluck().get(code.id);
    const all = db.$client
      .prepare(
        `SELECT document, coder, highlights, study FROM analysis_counts
         WHERE code = ? ORDER BY study, document, coder`,
      )
      .raw()
      .all(row);
    expect(all).toHaveLength(6);
    const repos = createRepositories(db);
    for (const batch of [1, 2, 4, 6, 4096])
      expect([...repos.counts.rowsOfCode(row as number, batch)]).toEqual(all);
  });
});
