import { quoteSelector, spanProblem } from '@kodbok/core';
import type { Db, HighlightView, Repositories } from '@kodbok/db';
import { createGroupCommitter, inTransaction, isForeignKeyFailure } from '@kodbok/db';
import type { CreateHighlightBody, Highlight, UpdateHighlightBody } from '@kodbok/contracts';
import { allowed, CONSENSUS_CODER_ID } from '@kodbok/contracts';
import {
  BadRequestError,
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
} from '../errors';
import { resolveCoders } from './coders';
import { authorizeIn } from './access';
import type { CurrentUser } from './types';

export const toHighlight = (h: HighlightView): Highlight => ({
  id: h.id,
  documentId: h.documentId,
  coderId: h.coderId,
  coderName: h.coderName,
  start: h.start,
  end: h.end,
  quote: h.quote,
  prefix: h.prefix,
  suffix: h.suffix,
  codeIds: h.codeIds,
  memo: h.memo,
  createdAt: h.createdAt,
  updatedAt: h.updatedAt,
});

export function createHighlightService(db: Db, repos: Repositories) {
  // New highlights are the hot write path (many coders, scripts): they share commits, and each
  // group adds its highlights to the excerpt search's index at once (migration 0018).
  const groupCommit = createGroupCommitter(db, {
    around: {
      begin: () => repos.highlights.deferSearchIndex(),
      end: () => repos.highlights.indexDeferredForSearch(),
      abandon: () => repos.highlights.forgetDeferredSearch(),
    },
  });
  /** The ids among `codeIds` that are not codes of the project (none, almost always: one query). */
  function missingCodes(projectId: string, codeIds: readonly string[]): string[] {
    if (repos.codes.countInProject(projectId, [...codeIds]) === codeIds.length) return [];
    return codeIds.filter((id) => repos.codes.countInProject(projectId, [id]) === 0);
  }
  function requireCodesOf(projectId: string, codeIds: string[]) {
    const missing = missingCodes(projectId, codeIds);
    if (missing.length > 0) {
      throw new BadRequestError(
        `codeIds names codes that do not exist in this project: ${missing.join(', ')}`,
      );
    }
  }
  /**
   * The checks of `create` ran before its insert was queued; a code merge or delete, or a study
   * delete, may have committed in between. The database's foreign keys notice (they refuse the
   * rows), so the commit unit asks what is gone only then, not on every highlight (two queries
   * each, issue 13), and the caller hears which instead of a foreign-key failure (500).
   */
  function explainRefusal(
    err: unknown,
    h: { documentId: string; projectId: string; codeIds: string[] },
  ) {
    if (!isForeignKeyFailure(err)) return;
    if (!repos.highlights.documentExists(h.documentId)) {
      throw new DomainError(
        404,
        `Document ${h.documentId} not found: it was deleted (with its study) while the highlight was being saved`,
      );
    }
    const gone = missingCodes(h.projectId, h.codeIds);
    if (gone.length > 0) {
      throw new ConflictError(
        `Deleted or merged while the highlight was being saved: code ${gone.join(', ')}; reload the codebook and code the span again`,
      );
    }
  }
  function checkSpan(text: string, start: number, end: number, quote: string) {
    const problem = spanProblem(text, { start, end }, quote);
    if (problem) throw new BadRequestError(problem);
  }
  return {
    /**
     * Codes a span. When the coder already has a highlight of exactly this span, the codes are
     * added to it (and the memo given, if it has none) instead of storing a duplicate that would
     * count twice: `created` is false then, and the route answers 200 instead of 201.
     */
    async create(
      user: CurrentUser,
      documentId: string,
      input: CreateHighlightBody,
    ): Promise<{ highlight: Highlight; created: boolean }> {
      const doc = repos.highlights.findDocument(documentId);
      authorizeIn(repos, user, doc?.projectId, 'Document', 'code');
      const { projectId, text } = doc!;
      // Coding into the consensus is the supervisor's edit of the agreed version.
      if (input.consensus) authorizeIn(repos, user, projectId, 'Document', 'superviseCoding');
      const coder = input.consensus ? { id: CONSENSUS_CODER_ID, name: 'Consensus' } : user;
      checkSpan(text, input.start, input.end, input.quote);
      requireCodesOf(projectId, input.codeIds);
      const { prefix, suffix } = quoteSelector(text, input);
      const h = {
        documentId,
        projectId,
        coderId: coder.id,
        start: input.start,
        end: input.end,
        quote: input.quote,
        prefix,
        suffix,
        memo: input.memo?.trim() ? input.memo : null,
        codeIds: input.codeIds,
      };
      // The check runs inside the committed unit: two identical requests in flight are queued
      // one after the other there, so the second finds the first's highlight.
      const result = await groupCommit.run(() => {
        try {
          const same = repos.highlights.findSameSpan(h);
          if (!same) return { created: true as const, ...repos.highlights.insert(h) };
          addToExisting(same, h.codeIds, h.memo);
          return { created: false as const, view: repos.highlights.find(same)! };
        } catch (err) {
          explainRefusal(err, h);
          throw err;
        }
      });
      if (!result.created) return { highlight: toHighlight(result.view), created: false };
      const { id, createdAt } = result;
      return {
        highlight: toHighlight({
          ...h,
          id,
          createdAt,
          updatedAt: createdAt,
          coderName: coder.name,
        }),
        created: true,
      };
    },
    update(user: CurrentUser, highlightId: string, patch: UpdateHighlightBody): Highlight {
      const current = editable(user, highlightId);
      const doc = repos.highlights.findDocument(current.documentId)!;
      return inTransaction(db, () => {
        if (patch.start !== undefined || patch.end !== undefined) {
          const start = patch.start ?? current.start;
          const end = patch.end ?? current.end;
          if (patch.quote === undefined)
            throw new BadRequestError('quote is required when start or end change');
          checkSpan(doc.text, start, end, patch.quote);
          repos.highlights.setSpan(highlightId, {
            start,
            end,
            ...quoteSelector(doc.text, { start, end }),
          });
        }
        if (patch.codeIds) {
          requireCodesOf(doc.projectId, patch.codeIds);
          repos.highlights.replaceCodes(highlightId, patch.codeIds);
        }
        if (patch.memo !== undefined)
          repos.highlights.setMemo(highlightId, patch.memo?.trim() ? patch.memo : null);
        return toHighlight(repos.highlights.find(highlightId)!);
      });
    },
    remove(user: CurrentUser, highlightId: string): void {
      editable(user, highlightId);
      // The highlight and its analysis counts go together.
      inTransaction(db, () => repos.highlights.delete(highlightId));
    },
  };

  /** Re-coding a coder's own span: the new codes join the old, a memo fills only an empty one. */
  function addToExisting(id: string, codeIds: readonly string[], memo: string | null) {
    const existing = repos.highlights.find(id)!;
    const added = codeIds.filter((c) => !existing.codeIds.includes(c));
    if (added.length > 0) repos.highlights.replaceCodes(id, [...existing.codeIds, ...added]);
    if (memo && !existing.memo) repos.highlights.setMemo(id, memo);
  }

  /** A coder changes their own highlights; owners and supervisors anyone's. */
  function editable(user: CurrentUser, highlightId: string): HighlightView {
    const h = repos.highlights.find(highlightId);
    const role = authorizeIn(repos, user, h?.projectId, 'Highlight', 'code');
    const readable = resolveCoders(repos, user, h!.projectId, undefined);
    // With blind coding, another coder's highlight is as if it did not exist.
    if (readable && !readable.includes(h!.coderId)) throw new NotFoundError('Highlight');
    if (h!.coderId !== user.id && !allowed(role, 'editOthersHighlights', false)) {
      throw new ForbiddenError("Only owners and supervisors change other coders' highlights");
    }
    return h!;
  }
}
