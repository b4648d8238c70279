import type { MemoRow, MemoTarget, Repositories } from '@kodbok/db';
import type { MemoList, MemoTargetKind, MemoView, PutMemoBody } from '@kodbok/contracts';
import { BadRequestError, NotFoundError } from '../errors';
import { authorize, authorizeIn } from './access';
import { readableCoders } from './coders';
import type { CurrentUser } from './types';
import { compareText } from '@kodbok/core';

const WHAT: Record<Exclude<MemoTargetKind, 'project'>, string> = {
  study: 'Study',
  document: 'Document',
  code: 'Code',
};

/**
 * Memos on the project, its studies, documents and codes. Every member may read them (as the
 * blind-coding rule allows: readableCoders); whoever may code writes their own, one per target.
 */
export function createMemoService(repos: Repositories) {
  /** The target, checked to be in `projectId`; a target elsewhere is "not found", as for others. */
  function targetIn(projectId: string, on: MemoTargetKind, id: string | undefined): MemoTarget {
    if (on === 'project') {
      if (id !== undefined) throw new BadRequestError('id: the project memo takes no id');
      return { kind: 'project' };
    }
    if (id === undefined) throw new BadRequestError(`id: say which ${on} the memo is about`);
    const target = { kind: on, id };
    if (repos.memos.projectOf(target) !== projectId) throw new NotFoundError(WHAT[on]);
    return target;
  }

  return {
    /** The memos on one target, or (no `on`) every memo of the project, as the reader may. */
    list(user: CurrentUser, projectId: string, on?: MemoTargetKind, id?: string): MemoList {
      authorize(repos, user, projectId, 'read');
      const m = repos.projects.membership(projectId, user.id)!;
      const authors = readableCoders(m, user.id);
      if (on === undefined) {
        if (id !== undefined) throw new BadRequestError('id: say what it is with on');
        return { memos: repos.memos.inProject(projectId, authors).map(toMemo) };
      }
      const target = targetIn(projectId, on, id);
      const rows = repos.memos.forTarget(projectId, target, authors);
      // The caller's own first: it is the one they edit.
      const own = rows.filter((r) => r.userId === user.id);
      const others = rows.filter((r) => r.userId !== user.id);
      others.sort((a, b) => compareText(a.userName, b.userName));
      return { memos: [...own, ...others].map(toMemo) };
    },

    put(user: CurrentUser, projectId: string, body: PutMemoBody): MemoView | null {
      authorizeIn(repos, user, projectId, 'Project', 'code');
      const target = targetIn(projectId, body.on, body.id);
      const text = body.text ?? '';
      if (!text.trim()) {
        repos.memos.remove(projectId, target, user.id);
        return null;
      }
      return toMemo(repos.memos.find(repos.memos.put(projectId, target, user.id, text))!);
    },
  };
}

export function toMemo(row: MemoRow): MemoView {
  const [kind, id] = row.target === 'project' ? ['project', null] : row.target.split(':');
  return {
    id: row.id,
    on: kind as MemoTargetKind,
    targetId: id ?? null,
    targetLabel: row.targetLabel,
    studyId: row.ofStudyId,
    userId: row.userId,
    userName: row.userName,
    text: row.text,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
