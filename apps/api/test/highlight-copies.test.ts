import { describe, expect, it } from 'vitest';
import { pruneLog } from '@kodbok/db';
import {
  addMember,
  createHighlight,
  createProjectWithStudy,
  createUser,
  setupOwner,
  startAppWithDatabase,
} from './helper';

/*
 * The read worker's copy of a project's highlights (highlight-copies.ts, decision 025) follows
 * highlights_log: new highlights, deletions, recodings and moved spans. When the changes it needs
 * have been pruned, it must read the highlights again rather than answer from a stale copy. A
 * second connection to the same file prunes the log, as the API thread's pruner does.
 */
const { app, db } = await startAppWithDatabase();
const owner = await setupOwner(app);
const coder = await createUser(app, owner, 'Second coder');

const TEXT = 'Peer workers described role clarity, stigma and supervision as daily concerns.';

async function project() {
  const { project, documentId, code } = await createProjectWithStudy(owner, TEXT);
  await addMember(owner, project.id, coder, 'coder');
  const other = (
    await owner.request('POST', `/api/projects/${project.id}/codes`, { name: 'Stigma' })
  ).json();
  return {
    projectId: project.id as string,
    documentId,
    a: code.id as string,
    b: other.id as string,
  };
}

async function get(projectId: string, path: string) {
  const res = await owner.request('GET', `/api/projects/${projectId}/${path}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}
/** Excerpts carrying either code: a total only the copy counts (two codes). */
const either = async (p: Awaited<ReturnType<typeof project>>) =>
  (await get(p.projectId, `excerpts?codes=${p.a},${p.b}&limit=1`)).total as number;
/** Pairs of overlapping highlights with code a on one and b on the other. */
async function overlapping(p: Awaited<ReturnType<typeof project>>) {
  const res = await get(p.projectId, `cooccurrence?mode=overlap&codes=${p.a},${p.b}`);
  const pair = res.pairs.find((x: { a: string; b: string }) => x.a !== x.b);
  return (pair?.count ?? 0) as number;
}

describe('the read worker’s copy of the highlights', () => {
  it('follows new highlights, recodings, deletions and moved spans', async () => {
    const p = await project();
    const first = await createHighlight(owner, p.documentId, 'role clarity', [p.a]);
    expect(await either(p)).toBe(1);
    const second = await createHighlight(coder, p.documentId, 'stigma', [p.b]);
    const third = await createHighlight(owner, p.documentId, 'supervision', [p.a]);
    expect(await either(p)).toBe(3);
    expect(await overlapping(p)).toBe(0);

    // Recoded to neither code, then deleted: each leaves the total.
    const neither = (
      await owner.request('POST', `/api/projects/${p.projectId}/codes`, { name: 'Funding' })
    ).json();
    const res = await owner.request('PATCH', `/api/highlights/${third.id}`, {
      codeIds: [neither.id],
    });
    expect(res.statusCode).toBe(200);
    expect(await either(p)).toBe(2);
    expect((await owner.request('DELETE', `/api/highlights/${second.id}`)).statusCode).toBe(204);
    expect(await either(p)).toBe(1);

    // Stretched over "stigma", now coded b by another highlight: the two overlap.
    await createHighlight(coder, p.documentId, 'stigma', [p.b]);
    expect(await overlapping(p)).toBe(0);
    const start = TEXT.indexOf('role clarity');
    const end = TEXT.indexOf('stigma') + 'stigma'.length;
    const moved = await owner.request('PATCH', `/api/highlights/${first.id}`, {
      start,
      end,
      quote: TEXT.slice(start, end),
    });
    expect(moved.statusCode).toBe(200);
    expect(await overlapping(p)).toBe(1);
  });

  const newest = () =>
    db.$client.prepare('SELECT max(seq) FROM highlights_log').pluck().get() as number;
  for (const prune of [
    { what: 'every logged change', through: () => null },
    // The newest change kept: a copy that applied it alone would lack the coder's highlight.
    { what: 'all but the newest logged change', through: () => newest() - 1 },
  ]) {
    it(`is read again when ${prune.what} was pruned since it was copied`, async () => {
      const p = await project();
      await createHighlight(owner, p.documentId, 'role clarity', [p.a]);
      expect(await either(p)).toBe(1);

      await createHighlight(coder, p.documentId, 'stigma', [p.b]);
      await createHighlight(owner, p.documentId, 'supervision', [p.a, p.b]);
      const limits = { through: prune.through(), maxBacklog: 1_000_000, chunk: 1_000_000 };
      expect(pruneLog(db, 'highlights_log', limits)).toBeGreaterThan(0);

      expect(await either(p)).toBe(3);
      const both = await get(p.projectId, `excerpts?codes=${p.a},${p.b}&codeMatch=all&limit=5`);
      expect(both.total).toBe(1);
    });
  }
});
