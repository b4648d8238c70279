import { randomUUID } from 'node:crypto';
import { quoteSelector, type RefiImportPlan } from '@kodbok/core';
import type { Db, MemoTarget, Repositories } from '@kodbok/db';
import { CONSENSUS_CODER_ID, type QdpxImportResult } from '@kodbok/contracts';
import { discardNow, lockedTransaction, SLICING, writeInSlices } from './import-staging';
import type { CommitHooks } from './import-commit';
import { becomes } from './refi-import-run';

type PlannedMemo = RefiImportPlan['projectMemos'][number];

/** As long as a memo may be (contracts: PutMemoBody). */
const MEMO_MAX = 20_000;

/**
 * Creates the project of a .qdpx, owned by `userId`, all or nothing as users see it, without
 * holding the write lock for long (docs/decisions/019): the project is created staged for
 * itself, so no listing shows it and nobody who can sign in is a member; its coders, codes,
 * studies, documents, highlights and memos are written in short slices; ONE short transaction
 * then makes the importer its owner, un-stages it and records the activity. On any failure the
 * project and the coder accounts made for it are deleted; what a stopped worker leaves is
 * deleted by the runner (`hooks.onStaging` hears of it first) or at the next start.
 */
export function commitProject(
  db: Db,
  repos: Repositories,
  plan: RefiImportPlan,
  userId: string,
  hooks: CommitHooks = {},
): QdpxImportResult {
  const project = repos.projects.insertSelfStaged(plan.name);
  hooks.onStaging?.(project.id);
  try {
    const writer = projectWriter(repos, project.id, plan, userId);
    writeInSlices(db, writer.steps.length, (i) => writer.steps[i]!(), hooks.slicing ?? SLICING);
    lockedTransaction(db, () => {
      repos.members.upsert(project.id, userId, 'owner');
      repos.projects.unstage(project.id);
      repos.activity.record({
        projectId: project.id,
        actorId: userId,
        action: 'project.created',
        subject: project.name,
        detail: 'from a REFI-QDA project file',
      });
    });
    return {
      id: project.id,
      name: plan.name,
      studies: plan.studies.length,
      codes: plan.codes.length,
      highlights: writer.highlights,
      memos: writer.memos.written(),
    };
  } catch (err) {
    discardNow(db, repos, project.id);
    throw err;
  }
}

/**
 * The plan as steps to run in order, each small and whole on its own (an account comes with its
 * membership, so none is ever left outside the project that discarding deletes). Ids made by a
 * step are read by later ones through the maps.
 */
function projectWriter(
  repos: Repositories,
  projectId: string,
  plan: RefiImportPlan,
  userId: string,
) {
  const steps: Array<() => void> = [];
  const coderIds = new Map<string, string>();
  for (const c of plan.coders) {
    const target = becomes(c, userId);
    if (target === 'consensus') coderIds.set(c.key, CONSENSUS_CODER_ID);
    else if (target === 'you') coderIds.set(c.key, userId);
    else steps.push(() => coderIds.set(c.key, newCoder(repos, projectId, c.name)));
  }
  const memos = memoWriter(repos, projectId, (key) => (key === null ? userId : coderIds.get(key)!));
  steps.push(() => memos.put({ kind: 'project' }, plan.projectMemos));
  const codeIds = new Map<string, string>();
  for (const c of plan.codes) {
    const { key, parentKey, depth: _depth, ...code } = c;
    const parentId = () => (parentKey === null ? null : codeIds.get(parentKey)!);
    steps.push(() =>
      codeIds.set(key, repos.codes.insert(projectId, { ...code, parentId: parentId() })),
    );
  }
  for (const [key, list] of byCode(plan.codeMemos))
    steps.push(() => memos.put({ kind: 'code', id: codeIds.get(key)! }, list));
  steps.push(() => repos.attributes.ensure(projectId, plan.attributes));
  let highlights = 0;
  for (const s of plan.studies) {
    let studyId = '';
    steps.push(() => {
      studyId = repos.studies.insert(projectId, { title: s.title, ...s.fields }).id;
      repos.studies.setAttributes(studyId, s.attributes);
      memos.put({ kind: 'study', id: studyId }, s.memos);
    });
    for (const d of s.documents) {
      let documentId = '';
      steps.push(() => {
        const { kind, text } = d;
        documentId = repos.studies.insertDocument({ studyId, projectId, kind, text }).id;
        memos.put({ kind: 'document', id: documentId }, d.memos);
      });
      for (const h of d.highlights) {
        highlights++;
        steps.push(() =>
          repos.highlights.insert({
            documentId,
            projectId,
            coderId: coderIds.get(h.coderKey)!,
            start: h.start,
            end: h.end,
            ...quoteSelector(d.text, h),
            memo: h.memo,
            codeIds: h.codeKeys.map((k) => codeIds.get(k)!),
          }),
        );
      }
    }
  }
  return { steps, highlights, memos };
}

/** An account for a coder of the file: no password, so it cannot sign in (decision 013). */
function newCoder(repos: Repositories, projectId: string, name: string): string {
  const email = `refi-${randomUUID()}@import.kodbok.invalid`;
  const user = repos.users.insert({ email, name: name.slice(0, 200), passwordHash: null });
  repos.members.upsert(projectId, user.id, 'coder');
  return user.id;
}

/**
 * Writes memos, one per Kodbok user and target (repos.memos.put replaces): the texts of file users
 * who are one user here (the importer's own GUID and notes without a user) are joined.
 */
function memoWriter(
  repos: Repositories,
  projectId: string,
  authorOf: (key: string | null) => string,
) {
  let written = 0;
  return {
    put(target: MemoTarget, planned: readonly PlannedMemo[]) {
      const texts = new Map<string, string[]>();
      for (const m of planned) {
        const author = authorOf(m.authorKey);
        texts.set(author, [...(texts.get(author) ?? []), m.text]);
      }
      for (const [author, list] of texts) {
        repos.memos.put(projectId, target, author, joinMemo(list));
        written++;
      }
    },
    written: () => written,
  };
}

function byCode(memos: RefiImportPlan['codeMemos']): Map<string, PlannedMemo[]> {
  const out = new Map<string, PlannedMemo[]>();
  for (const m of memos) out.set(m.codeKey, [...(out.get(m.codeKey) ?? []), m]);
  return out;
}

/** Texts joined by a blank line, cut to a memo's length (the plan cuts each; joining can exceed it). */
function joinMemo(texts: readonly string[]): string {
  const text = texts.join('\n\n');
  if (text.length <= MEMO_MAX) return text;
  // Drop a high surrogate the cut would leave alone, and make room for the ellipsis.
  return `${[...text.slice(0, MEMO_MAX)].slice(0, -2).join('')}…`;
}
