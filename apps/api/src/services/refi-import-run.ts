import { randomUUID } from 'node:crypto';
import {
  CONSENSUS_GUID,
  describeScheme,
  guidKey,
  planQdpxImport,
  quoteSelector,
  type RefiImportPlan,
} from '@kodbok/core';
import { inTransaction, type Db, type MemoTarget, type Repositories } from '@kodbok/db';
import { CONSENSUS_CODER_ID, type QdpxImportResult, type QdpxPreview } from '@kodbok/contracts';
import type { Upload } from './types';

/** A .qdpx to preview or to make a new project of, owned by `userId` (any signed-in user). */
export interface RefiProjectJob {
  kind: 'import-project';
  mode: 'preview' | 'commit';
  userId: string;
  upload: Upload;
}

type Becomes = QdpxPreview['coders'][number]['becomes'];

/**
 * Who a file's user becomes. Accounts are never created for real people without their consent:
 * a coder of the file becomes an account with no password (it cannot sign in, like the demo
 * coders) that holds their coding; the importing user's own GUID (a Kodbok export of theirs) is
 * them, and the consensus coder of a Kodbok export (or a user called "Consensus") is the
 * consensus coding (docs/decisions/013).
 */
function becomes(coder: { key: string; name: string }, userId: string): Becomes {
  if (coder.key === CONSENSUS_GUID || coder.name.trim().toLowerCase() === 'consensus')
    return 'consensus';
  if (coder.key === guidKey(userId)) return 'you';
  return 'new coder';
}

export function planOf(job: RefiProjectJob): RefiImportPlan {
  const file = job.upload.files[0]!;
  return planQdpxImport(file.bytes, file.name);
}

type PlannedMemo = RefiImportPlan['projectMemos'][number];

/** As long as a memo may be (contracts: PutMemoBody). */
const MEMO_MAX = 20_000;

/** How many memos on the project, studies, documents and codes a plan holds. */
function memoCount(plan: RefiImportPlan): number {
  const studies = plan.studies.reduce(
    (n, s) => n + s.memos.length + s.documents.reduce((m, d) => m + d.memos.length, 0),
    0,
  );
  return plan.projectMemos.length + plan.codeMemos.length + studies;
}

export function previewOf(plan: RefiImportPlan, userId: string): QdpxPreview {
  const documents = plan.studies.flatMap((s) => s.documents);
  return {
    name: plan.name,
    origin: plan.origin,
    holds: plan.holds,
    creates: {
      studies: plan.studies.length,
      documents: documents.length,
      codes: plan.codes.length,
      highlights: documents.reduce((n, d) => n + d.highlights.length, 0),
      memos: memoCount(plan),
    },
    coders: plan.coders.map((c) => ({
      name: c.name,
      highlights: c.highlights,
      memos: c.memos,
      becomes: becomes(c, userId),
    })),
    positions: describeScheme(plan.scheme),
    skipped: plan.skipped,
    adjusted: plan.adjusted,
  };
}

/** Creates the project in one transaction: the caller owns it; nothing is stored on any error. */
export function commitProject(
  db: Db,
  repos: Repositories,
  plan: RefiImportPlan,
  userId: string,
): QdpxImportResult {
  return inTransaction(
    db,
    () => {
      const project = repos.projects.insert(plan.name);
      repos.members.upsert(project.id, userId, 'owner');
      repos.activity.record({
        projectId: project.id,
        actorId: userId,
        action: 'project.created',
        subject: project.name,
        detail: 'from a REFI-QDA project file',
      });
      const coderIds = new Map<string, string>();
      for (const c of plan.coders) {
        const target = becomes(c, userId);
        if (target === 'consensus') coderIds.set(c.key, CONSENSUS_CODER_ID);
        else if (target === 'you') coderIds.set(c.key, userId);
        else {
          const email = `refi-${randomUUID()}@import.kodbok.invalid`;
          const user = repos.users.insert({
            email,
            name: c.name.slice(0, 200),
            passwordHash: null,
          });
          repos.members.upsert(project.id, user.id, 'coder');
          coderIds.set(c.key, user.id);
        }
      }
      const memos = memoWriter(repos, project.id, (key) =>
        key === null ? userId : coderIds.get(key)!,
      );
      memos.put({ kind: 'project' }, plan.projectMemos);
      const codeIds = new Map<string, string>();
      for (const c of plan.codes) {
        const { key, parentKey, depth: _depth, ...code } = c;
        codeIds.set(
          key,
          repos.codes.insert(project.id, {
            ...code,
            parentId: parentKey === null ? null : codeIds.get(parentKey)!,
          }),
        );
      }
      for (const [key, list] of byCode(plan.codeMemos))
        memos.put({ kind: 'code', id: codeIds.get(key)! }, list);
      repos.attributes.ensure(project.id, plan.attributes);
      let highlights = 0;
      for (const s of plan.studies) {
        const study = repos.studies.insert(project.id, { title: s.title, ...s.fields });
        repos.studies.setAttributes(study.id, s.attributes);
        memos.put({ kind: 'study', id: study.id }, s.memos);
        for (const d of s.documents) {
          const doc = repos.studies.insertDocument({
            studyId: study.id,
            projectId: project.id,
            kind: d.kind,
            text: d.text,
          });
          memos.put({ kind: 'document', id: doc.id }, d.memos);
          for (const h of d.highlights) {
            const { quote, prefix, suffix } = quoteSelector(d.text, h);
            repos.highlights.insert({
              documentId: doc.id,
              projectId: project.id,
              coderId: coderIds.get(h.coderKey)!,
              start: h.start,
              end: h.end,
              quote,
              prefix,
              suffix,
              memo: h.memo,
              codeIds: h.codeKeys.map((k) => codeIds.get(k)!),
            });
            highlights++;
          }
        }
      }
      return {
        id: project.id,
        name: plan.name,
        studies: plan.studies.length,
        codes: plan.codes.length,
        highlights,
        memos: memos.written(),
      };
    },
    { immediate: true },
  );
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
