import { describe, expect, it } from 'vitest';
import { createGroupCommitter, createRepositories, inTransaction } from '@kodbok/db';
import { createProjectWithStudy, setupOwner, startAppWithDatabase } from './helper';

/*
 * A group commit adds its new highlights to the excerpt search's index (highlights_fts) in one
 * statement at its end (migration 0018). The index must hold exactly the stored highlights, with
 * their memos, whatever else happened in the group: a same-span highlight given a memo after its
 * creation in the same group, an item that failed (the group then runs again, a savepoint per
 * item, indexed row by row), a highlight deleted in the group or later, a group that failed
 * whole.
 */
const { app, db } = await startAppWithDatabase();
const owner = await setupOwner(app);
const TEXT = 'Kaffepaus lunchrast fikarast handledning arbetsmiljö stigmatisering rollklarhet.';
const { project, documentId, code } = await createProjectWithStudy(owner, TEXT);
const repos = createRepositories(db);
const group = createGroupCommitter(db, {
  around: {
    begin: () => repos.highlights.deferSearchIndex(),
    end: () => repos.highlights.indexDeferredForSearch(),
    abandon: () => repos.highlights.forgetDeferredSearch(),
  },
});

const word = (w: string) => {
  const start = TEXT.indexOf(w);
  return {
    documentId,
    projectId: project.id as string,
    coderId: owner.user.id,
    start,
    end: start + w.length,
    quote: w,
    prefix: '',
    suffix: '',
    memo: null as string | null,
    codeIds: [code.id as string],
  };
};
const found = (query: string) =>
  db.$client
    .prepare(
      `SELECT h.quote FROM highlights_fts f JOIN highlights h ON h.rowid = f.rowid
       WHERE highlights_fts MATCH ? ORDER BY h.quote`,
    )
    .pluck()
    .all(query);
const integrityCheck = () =>
  db.$client.exec(
    `INSERT INTO highlights_fts (highlights_fts, rank) VALUES ('integrity-check', 1)`,
  );

db.$client.exec(
  `CREATE VIRTUAL TABLE temp.fts_instances USING fts5vocab(main, highlights_fts, instance)`,
);
/** How many times the index holds `term` (every highlight, column and position). */
const instances = (term: string) =>
  db.$client.prepare('SELECT count(*) FROM temp.fts_instances WHERE term = ?').pluck().get(term);

describe('the excerpt search’s index, written per group commit', () => {
  it('holds every highlight the group stored, with memos given in the same group', async () => {
    await Promise.all([
      group.run(() => repos.highlights.insert(word('Kaffepaus'))),
      group.run(() => repos.highlights.insert(word('fikarast'))),
      // The same span again in the same group: it gets the memo (highlight.service's
      // addToExisting), changing a highlight the index has not been given yet.
      group.run(() => {
        const id = repos.highlights.findSameSpan(word('fikarast'))!;
        repos.highlights.setMemo(id, 'samtal om schemat');
      }),
    ]);
    expect(() => integrityCheck()).not.toThrow();
    expect(found('Kaffepaus OR fikarast')).toEqual(['Kaffepaus', 'fikarast']);
    expect(found('schemat')).toEqual(['fikarast']);
    // Each word of the memo and the quote in the index once: the memo's change did not find the
    // highlight missing from the index, nor did the group's end add it twice.
    expect(instances('schemat')).toBe(1);
    expect(instances('fikarast')).toBe(1);
  });

  it('holds what a group with a failed item stored, and nothing of that item', async () => {
    const outcomes = await Promise.allSettled([
      group.run(() => repos.highlights.insert(word('lunchrast'))),
      group.run(() => {
        repos.highlights.insert(word('arbetsmiljö'));
        throw new Error('this item fails after inserting');
      }),
      // Rolled back, the failing item's rowid goes to the next insert, in the second run.
      group.run(() => repos.highlights.insert(word('stigmatisering'))),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(() => integrityCheck()).not.toThrow();
    expect(found('lunchrast OR arbetsmiljö OR stigmatisering')).toEqual([
      'lunchrast',
      'stigmatisering',
    ]);
    // Out again, for the tests below.
    inTransaction(db, () => {
      for (const w of ['lunchrast', 'stigmatisering'])
        repos.highlights.delete(repos.highlights.findSameSpan(word(w))!);
    });
  });

  it('lets a highlight of a group be deleted in the same group, and others outside it', async () => {
    await Promise.all([
      group.run(() => repos.highlights.insert(word('handledning'))),
      group.run(() => {
        const { id } = repos.highlights.insert(word('arbetsmiljö'));
        repos.highlights.delete(id);
      }),
    ]);
    const kept = repos.highlights.findSameSpan(word('handledning'))!;
    inTransaction(db, () => repos.highlights.delete(kept));
    expect(() => integrityCheck()).not.toThrow();
    expect(found('handledning OR arbetsmiljö')).toEqual([]);
  });

  it('is written row by row again after a group that failed as a whole', async () => {
    // A lone item that fails takes its group's transaction with it (no second run).
    await expect(
      group.run(() => {
        repos.highlights.insert(word('rollklarhet'));
        throw new Error('the lone item fails');
      }),
    ).rejects.toThrow(/lone item fails/);
    // Outside a group, the trigger indexes the insert; the memo then replaces its entry.
    const { id } = inTransaction(db, () => repos.highlights.insert(word('Kaffepaus')));
    inTransaction(db, () => repos.highlights.setMemo(id, 'efter felet'));
    expect(() => integrityCheck()).not.toThrow();
    expect(found('felet')).toEqual(['Kaffepaus']);
  });

  it('is written row by row as before outside a group', () => {
    inTransaction(db, () => repos.highlights.insert(word('stigmatisering')));
    expect(found('stigmatisering')).toEqual(['stigmatisering']);
    expect(() => integrityCheck()).not.toThrow();
  });
});
