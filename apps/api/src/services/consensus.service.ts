import {
  agreedStretches,
  disagreementRegions,
  mergeStretches,
  quoteSelector,
  rewriteRegion,
  spanProblem,
  type Stretch,
} from '@kodbok/core';
import type { Db, Repositories } from '@kodbok/db';
import { inTransaction } from '@kodbok/db';
import {
  CONSENSUS_CODER_ID,
  type AcceptAgreementsBody,
  type Comment,
  type CreateCommentBody,
  type CreateResolutionBody,
  type Disagreements,
  type DisagreementsQuery,
  type Reconciliation,
  type Resolution,
} from '@kodbok/contracts';
import { BadRequestError } from '../errors';
import { authorize, authorizeIn } from './access';
import { comparisonOf, studiesToCompare, type Comparison } from './comparison';
import type { CurrentUser } from './types';

/**
 * Reconciling coders into the consensus coding: a document's disagreements, a supervisor's
 * decision on each (written as consensus highlights, and recorded), comments, reconciled studies.
 */
export function createConsensusService(db: Db, repos: Repositories) {
  /** The document, its comparison and its coded form, for a supervisor of its project. */
  function compared(user: CurrentUser, documentId: string, q: DisagreementsQuery) {
    const doc = repos.studies.documentById(documentId);
    authorizeIn(repos, user, doc?.projectId, 'Document', 'superviseCoding');
    const cmp = comparisonOf(repos, user, doc!.projectId, q);
    const { studies, load } = studiesToCompare(repos, cmp, doc!.studyId);
    const coded = load(studies)
      .flatMap((s) => s.documents)
      .find((d) => d.id === documentId)!;
    return { doc: doc!, cmp, coded };
  }

  /** Replaces the consensus coding of `codeId` in `region` with `chosen`. In a transaction. */
  function setConsensus(
    doc: { id: string; projectId: string; text: string },
    codeId: string,
    region: Stretch,
    chosen: Stretch[],
  ) {
    const near = repos.consensus.spansNear({ documentId: doc.id, codeId, ...region });
    for (const h of near) {
      if (h.codes === 1) repos.highlights.delete(h.id);
      else {
        const codes = repos.highlights.find(h.id)!.codeIds.filter((id) => id !== codeId);
        repos.highlights.replaceCodes(h.id, codes);
      }
    }
    for (const s of rewriteRegion(near, region, chosen)) {
      repos.highlights.insert({
        documentId: doc.id,
        projectId: doc.projectId,
        coderId: CONSENSUS_CODER_ID,
        ...s,
        ...quoteSelector(doc.text, s),
        memo: null,
        codeIds: [codeId],
      });
    }
  }

  return {
    disagreements(user: CurrentUser, documentId: string, q: DisagreementsQuery): Disagreements {
      const { cmp, coded } = compared(user, documentId, q);
      const resolutions = repos.consensus.resolutions(documentId);
      const comments = repos.consensus.comments(documentId);
      return {
        documentId,
        coders: cmp.coders,
        regions: disagreementRegions(coded, cmp.codeIds).map((r) => ({
          codeId: r.codeId,
          start: r.start,
          end: r.end,
          runs: r.runs.map(({ start, end, coded: c }) => ({ start, end, coded: c })),
          resolution:
            resolutions.find(
              (x) => x.codeId === r.codeId && x.start === r.start && x.end === r.end,
            ) ?? null,
          comments: comments.filter(
            (c) => c.codeId === r.codeId && c.start < r.end && r.start < c.end,
          ),
        })),
      };
    },
    resolve(user: CurrentUser, documentId: string, body: CreateResolutionBody): Resolution {
      const { doc, cmp, coded } = compared(user, documentId, { coders: body.coders.join(',') });
      checkRegion(cmp, doc.text, body);
      const outsider = body.accept.find((id) => !cmp.coderIds.includes(id));
      if (outsider)
        throw new BadRequestError(`accept: "${outsider}" is not one of the coders compared`);
      const chosen = mergeStretches(
        coded.spans.filter(
          (s) => s.codeId === body.codeId && body.accept.includes(cmp.coderIds[s.coder]!),
        ),
      );
      const region = { start: body.start, end: body.end };
      const id = inTransaction(db, () => {
        setConsensus(doc, body.codeId, region, chosen);
        return repos.consensus.insertResolution({
          projectId: doc.projectId,
          documentId,
          codeId: body.codeId,
          ...region,
          coders: cmp.coderIds,
          accepted: body.accept,
          userId: user.id,
        });
      });
      return repos.consensus.resolutions(documentId).find((r) => r.id === id)!;
    },
    acceptAgreements(user: CurrentUser, documentId: string, body: AcceptAgreementsBody) {
      const { doc, cmp, coded } = compared(user, documentId, { coders: body.coders.join(',') });
      const humans = cmp.coderIds.filter((id) => id !== CONSENSUS_CODER_ID);
      if (humans.length < cmp.coderIds.length)
        throw new BadRequestError('coders: compare coders, not the consensus with itself');
      const agreed = agreedStretches(coded, cmp.codeIds);
      return inTransaction(db, () => {
        let added = 0;
        for (const [codeId, stretches] of agreed) {
          // Each agreed stretch becomes coded, joined with any consensus coding it touches.
          for (const s of stretches) setConsensus(doc, codeId, s, [s]);
          added += stretches.length;
        }
        return { added };
      });
    },
    comment(user: CurrentUser, documentId: string, body: CreateCommentBody): Comment {
      const doc = repos.studies.documentById(documentId);
      authorizeIn(repos, user, doc?.projectId, 'Document', 'superviseCoding');
      checkCode(doc!.projectId, body.codeId);
      if (body.end > doc!.length || body.start >= body.end)
        throw new BadRequestError(`start and end must satisfy 0 ≤ start < end ≤ ${doc!.length}`);
      const id = repos.consensus.insertComment({
        projectId: doc!.projectId,
        documentId,
        ...body,
        body: body.body.trim(),
        userId: user.id,
      });
      return repos.consensus.comments(documentId).find((c) => c.id === id)!;
    },
    reconcile(user: CurrentUser, studyId: string, reconciled: boolean): Reconciliation {
      const projectId = repos.studies.projectOf(studyId);
      authorizeIn(repos, user, projectId, 'Study', 'read');
      authorize(repos, user, projectId!, 'superviseCoding');
      repos.consensus.setReconciled(projectId!, studyId, reconciled ? user.id : null);
      const r = repos.consensus.reconciliationOf(studyId);
      return { studyId, reconciled: r !== undefined, by: r?.by ?? null, at: r?.at ?? null };
    },
  };

  function checkCode(projectId: string, codeId: string) {
    if (repos.codes.countInProject(projectId, [codeId]) !== 1)
      throw new BadRequestError(`codeId: "${codeId}" is not a code of this project`);
  }
  function checkRegion(cmp: Comparison, text: string, r: CreateResolutionBody) {
    if (!cmp.codeIds.includes(r.codeId)) checkCode(cmp.projectId, r.codeId);
    if (r.end > text.length || r.start >= r.end)
      throw new BadRequestError(`start and end must satisfy 0 ≤ start < end ≤ ${text.length}`);
    const problem = spanProblem(text, r, text.slice(r.start, r.end));
    if (problem) throw new BadRequestError(problem);
  }
}
