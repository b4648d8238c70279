import {
  ancestorIds,
  descendantIds,
  findSiblingNamed,
  defaultCodeColor,
  wouldCreateCycle,
} from '@kodbok/core';
import type { CodeView, Db, NewActivity, Repositories } from '@kodbok/db';
import { inTransaction } from '@kodbok/db';
import type {
  Code,
  CodebookUndoRef,
  CodeExamplesQuery,
  CreateCodeBody,
  DeleteCodeQuery,
  UpdateCodeBody,
} from '@kodbok/contracts';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { authorize, authorizeIn } from './access';
import { describeChanges } from './activity.service';
import { resolveCoders } from './coders';
import { codeExamples } from './code-examples';
import type { CurrentUser } from './types';

const toCode = (c: CodeView): Code => ({
  id: c.id,
  projectId: c.projectId,
  parentId: c.parentId,
  name: c.name,
  color: c.color,
  description: c.description,
  keywords: c.keywords,
  position: c.position,
  highlightCount: c.highlightCount,
});

/** The fields of a code the activity log tells about, in its words. */
const CODE_FIELDS = {
  name: 'name',
  parentId: 'place in the tree',
  position: 'order',
  color: 'colour',
  description: 'definition',
  keywords: 'keywords',
} as const;

export function createCodeService(db: Db, repos: Repositories) {
  /** The activity log entry of a codebook change; call inside the change's transaction. */
  const log = (user: CurrentUser, code: CodeView, action: NewActivity['action'], detail = '') =>
    repos.activity.record({
      projectId: code.projectId,
      actorId: user.id,
      action,
      subject: code.name,
      detail: detail || null,
    });
  /** The code and its project's whole codebook (small: hundreds of rows), for tree checks. */
  function load(user: CurrentUser, codeId: string, action: 'read' | 'editCodebook') {
    const code = repos.codes.find(codeId);
    authorizeIn(repos, user, code?.projectId, 'Code', action);
    return { code: code!, all: repos.codes.list(code!.projectId) };
  }
  function checkParent(
    all: CodeView[],
    projectId: string,
    parentId: string | null,
    codeId?: string,
  ) {
    if (parentId === null) return;
    const parent = all.find((c) => c.id === parentId);
    if (!parent || parent.projectId !== projectId)
      throw new BadRequestError('parentId is not a code of this project');
    if (codeId && wouldCreateCycle(all, codeId, parentId)) {
      throw new ConflictError(
        `Cannot move a code under itself or one of its own sub-codes (${parent.name})`,
      );
    }
  }
  function checkName(all: CodeView[], parentId: string | null, name: string, exceptId?: string) {
    const clash = findSiblingNamed(all, parentId, name, exceptId);
    if (clash) {
      const where = parentId
        ? `under "${all.find((c) => c.id === parentId)?.name}"`
        : 'at the top level';
      throw new ConflictError(`A code named "${clash.name}" already exists ${where}`);
    }
  }
  return {
    examples: (user: CurrentUser, projectId: string, query: CodeExamplesQuery) =>
      codeExamples(repos, user, projectId, query),
    list(user: CurrentUser, projectId: string, coders: string | undefined): Code[] {
      authorize(repos, user, projectId, 'read');
      const coderIds = resolveCoders(repos, user, projectId, coders);
      return repos.codes.listFor(projectId, coderIds).map(toCode);
    },
    create(user: CurrentUser, projectId: string, input: CreateCodeBody): Code {
      authorize(repos, user, projectId, 'editCodebook');
      return inTransaction(db, () => {
        const all = repos.codes.list(projectId);
        const parentId = input.parentId ?? null;
        const name = input.name.trim();
        checkParent(all, projectId, parentId);
        checkName(all, parentId, name);
        const id = repos.codes.insert(projectId, {
          name,
          parentId,
          color: input.color ?? defaultCodeColor(all, parentId),
          description: input.description ?? '',
          keywords: input.keywords ?? [],
          position: repos.codes.maxPosition(projectId, parentId) + 1,
        });
        const created = repos.codes.find(id)!;
        log(user, created, 'code.created');
        return toCode(created);
      });
    },
    update(user: CurrentUser, codeId: string, patch: UpdateCodeBody): Code {
      return inTransaction(db, () => {
        const { code, all } = load(user, codeId, 'editCodebook');
        const parentId = patch.parentId === undefined ? code.parentId : patch.parentId;
        const name = patch.name?.trim() ?? code.name;
        checkParent(all, code.projectId, parentId, codeId);
        checkName(all, parentId, name, codeId);
        const { position, ...fields } = patch;
        const moved = parentId !== code.parentId;
        repos.codes.update(codeId, { ...fields, name, parentId });
        if (position !== undefined || moved) {
          const siblings = all
            .filter((c) => c.parentId === parentId && c.id !== codeId)
            .sort((a, b) => a.position - b.position);
          const at = Math.min(position ?? siblings.length, siblings.length);
          siblings.splice(at, 0, { ...code, parentId });
          repos.codes.setPositions(siblings.map((c) => c.id));
        }
        // The old and the new ancestors roll up a different subtree now.
        if (moved) {
          const affected = [...ancestorIds(all, codeId), ...selfAndAncestors(all, parentId)];
          repos.analysis.refreshCodebook(code.projectId, affected);
        }
        const updated = repos.codes.find(codeId)!;
        const detail = describeChanges(code, { ...patch, name, parentId }, CODE_FIELDS);
        if (detail) log(user, updated, 'code.updated', detail);
        return toCode(updated);
      });
    },
    /**
     * Deletes a code. Its sub-codes move up to its parent. A code in use needs a choice: delete
     * its highlights' codings (highlights left with no code go too) or move them to another code.
     */
    remove(user: CurrentUser, codeId: string, query: DeleteCodeQuery): CodebookUndoRef {
      return inTransaction(db, () => {
        const { code, all } = load(user, codeId, 'editCodebook');
        if (code.highlightCount > 0 && !query.highlights) {
          throw new ConflictError(
            `"${code.name}" has ${code.highlightCount} highlight(s): choose highlights=delete or highlights=move with moveTo`,
          );
        }
        if (query.highlights === 'move') {
          const target = all.find((c) => c.id === query.moveTo);
          if (!query.moveTo || !target || target.id === codeId) {
            throw new BadRequestError(
              'moveTo must be another code of this project when highlights=move',
            );
          }
        }
        const undo = repos.codebookUndo.capture(codeId, {
          targetId: query.highlights === 'move' ? query.moveTo! : null,
          childrenTo: code.parentId,
        });
        if (query.highlights === 'move') {
          repos.codes.moveCodings(codeId, query.moveTo!);
          repos.memos.moveCodeMemos(codeId, code.name, query.moveTo!);
        }
        // Sub-codes move up beside the code's siblings (the code itself goes, so it cannot clash).
        for (const child of all.filter((c) => c.parentId === codeId))
          checkName(all, code.parentId, child.name, codeId);
        // Delete before re-parenting, or the unique sibling-name index sees both for a moment.
        repos.codes.delete(codeId);
        repos.codes.reparentChildren(codeId, code.parentId);
        repos.highlights.deleteUncoded(code.projectId);
        const affected = [
          ...ancestorIds(all, codeId),
          ...selfAndAncestors(all, query.moveTo ?? null),
        ];
        repos.analysis.refreshCodebook(code.projectId, affected);
        const target = all.find((c) => c.id === query.moveTo);
        const codings = code.highlightCount === 0 ? '' : query.highlights;
        log(
          user,
          code,
          'code.deleted',
          codings === 'move'
            ? `its codings moved to “${target?.name}”`
            : codings && 'its codings deleted',
        );
        return { undoId: repos.codebookUndo.save(code.projectId, user.id, 'delete', undo) };
      });
    },
    /** Merges `codeId` into `intoCodeId`: codings move over (duplicates collapse), sub-codes too. */
    merge(user: CurrentUser, codeId: string, intoCodeId: string): Code & CodebookUndoRef {
      return inTransaction(db, () => {
        const { code, all } = load(user, codeId, 'editCodebook');
        const target = all.find((c) => c.id === intoCodeId);
        if (!target || intoCodeId === codeId)
          throw new BadRequestError('intoCodeId must be another code of this project');
        if (descendantIds(all, codeId).has(intoCodeId)) {
          // Its sub-codes would become children of one of themselves.
          throw new ConflictError(
            `Cannot merge "${code.name}" into its own sub-code "${target.name}"`,
          );
        }
        for (const child of all.filter((c) => c.parentId === codeId))
          checkName(all, intoCodeId, child.name, codeId);
        const undo = repos.codebookUndo.capture(codeId, {
          targetId: intoCodeId,
          childrenTo: intoCodeId,
        });
        repos.codes.moveCodings(codeId, intoCodeId);
        repos.memos.moveCodeMemos(codeId, code.name, intoCodeId);
        repos.codes.delete(codeId);
        repos.codes.reparentChildren(codeId, intoCodeId);
        const affected = [...ancestorIds(all, codeId), ...selfAndAncestors(all, intoCodeId)];
        repos.analysis.refreshCodebook(code.projectId, affected);
        log(user, code, 'code.merged', `into “${target.name}”`);
        const undoId = repos.codebookUndo.save(code.projectId, user.id, 'merge', undo);
        return { ...toCode(repos.codes.find(intoCodeId)!), undoId };
      });
    },
    /**
     * Undoes the caller's own delete or merge of a code: the code comes back where it was (at the
     * top level if its parent has gone since), with its codings, sub-codes, memos and the
     * highlights deleted with it. Refused when a sibling has taken its name meanwhile.
     */
    undo(user: CurrentUser, undoId: string): Code {
      return inTransaction(db, () => {
        const record = repos.codebookUndo.find(undoId);
        if (!record || record.userId !== user.id) throw new NotFoundError('Undo');
        authorizeIn(repos, user, record.projectId, 'Undo', 'editCodebook');
        const p = record.payload;
        const codeId = p.code.id as string;
        const all = repos.codes.list(record.projectId);
        if (all.some((c) => c.id === codeId)) throw new NotFoundError('Undo');
        const wanted = p.code.parent_id as string | null;
        const parentId = wanted && all.some((c) => c.id === wanted) ? wanted : null;
        checkName(all, parentId, p.code.name as string);
        // Its siblings once its own sub-codes (moved up beside them) have gone back under it.
        const returning = new Set(p.children.map((c) => c.id));
        const siblings = all
          .filter((c) => c.parentId === parentId && !returning.has(c.id))
          .sort((a, b) => a.position - b.position);
        const at = Math.min(Number(p.code.position), siblings.length);
        repos.codebookUndo.restore(p, parentId, at);
        const ordered = siblings.map((c) => c.id);
        ordered.splice(at, 0, codeId);
        repos.codes.setPositions(ordered);
        const now = repos.codes.list(record.projectId);
        const affected = [...selfAndAncestors(now, codeId), ...selfAndAncestors(now, p.targetId)];
        repos.analysis.refreshCodebook(record.projectId, affected);
        repos.codebookUndo.remove(undoId);
        const restored = repos.codes.find(codeId)!;
        log(user, restored, 'code.restored', `${record.kind} undone`);
        return toCode(restored);
      });
    },
  };
}

function selfAndAncestors(all: CodeView[], codeId: string | null): string[] {
  return codeId ? [codeId, ...ancestorIds(all, codeId)] : [];
}
