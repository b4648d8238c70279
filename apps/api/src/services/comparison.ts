import { parseIdList, type CodedDocument, type CodeNode } from '@kodbok/core';
import type { Repositories, StudyRef } from '@kodbok/db';
import { CONSENSUS_CODER_ID } from '@kodbok/contracts';
import { BadRequestError } from '../errors';
import { authorize } from './access';
import { rowsFor } from './analysis-filter';
import type { CurrentUser } from './types';

/** Whose coding is compared, on which codes (each on its own, in codebook order). */
export interface Comparison {
  projectId: string;
  coders: Array<{ id: string; name: string }>;
  coderIds: string[];
  codes: CodeNode[];
  codeIds: string[];
}

/**
 * Resolves and checks the coders (two or more members, or the consensus) and codes of an
 * agreement query. Comparing coders is a supervisor's work: owners and supervisors only.
 */
export function comparisonOf(
  repos: Repositories,
  user: CurrentUser,
  projectId: string,
  query: { coders: string; codes?: string },
): Comparison {
  authorize(repos, user, projectId, 'superviseCoding');
  const members = new Map(repos.members.list(projectId).map((m) => [m.userId, m.name]));
  members.set(CONSENSUS_CODER_ID, 'Consensus');
  const coderIds = [
    ...new Set(parseIdList(query.coders).map((id) => (id === 'me' ? user.id : id))),
  ];
  for (const id of coderIds) {
    if (!members.has(id))
      throw new BadRequestError(`coders: "${id}" is not a member of this project`);
  }
  if (coderIds.length < 2)
    throw new BadRequestError('coders: choose at least two coders to compare');
  const all = repos.codes.tree(projectId);
  const asked = query.codes ? parseIdList(query.codes) : null;
  const unknown = asked?.find((id) => !all.some((c) => c.id === id));
  if (unknown) throw new BadRequestError(`codes: "${unknown}" is not a code of this project`);
  const codes = rowsFor(all, asked);
  return {
    projectId,
    coders: coderIds.map((id) => ({ id, name: members.get(id)! })),
    coderIds,
    codes,
    codeIds: codes.map((c) => c.id),
  };
}

/** A study's documents as the agreement functions read them, with whose coding counts. */
export interface ComparedStudy {
  study: StudyRef;
  /** covered[c]: coder c was assigned the study, coded in it, or (the consensus) reconciled it. */
  covered: boolean[];
  documents: Array<CodedDocument & { id: string }>;
}

/**
 * The studies to compare (those asked for, else every study a chosen coder was assigned or
 * coded) and a reader that loads one of them at a time, so callers can work in slices.
 */
export function studiesToCompare(repos: Repositories, cmp: Comparison, studies?: string) {
  const ids = studies ? parseIdList(studies) : null;
  const [foreign] = ids ? repos.analysis.foreignStudies(cmp.projectId, ids) : [];
  if (foreign) throw new BadRequestError(`studies: "${foreign}" is not a study of this project`);
  const assigned = new Set(
    repos.agreement.assigned(cmp.projectId, cmp.coderIds).map((a) => `${a.studyId} ${a.coderId}`),
  );
  const reconciled = new Set(repos.consensus.reconciled(cmp.projectId).map((r) => r.studyId));
  const index = new Map(cmp.coderIds.map((id, i) => [id, i]));
  function load(study: StudyRef, only?: string): ComparedStudy {
    const codings = repos.agreement.codings(study.id, cmp.coderIds);
    const coded = new Set(codings.map((c) => c.coderId));
    const covered = cmp.coderIds.map(
      (id) =>
        coded.has(id) ||
        assigned.has(`${study.id} ${id}`) ||
        (id === CONSENSUS_CODER_ID && reconciled.has(study.id)),
    );
    const documents = repos.agreement
      .documents(study.id)
      .filter((d) => only === undefined || d.id === only)
      .map((d) => ({
        id: d.id,
        length: d.length,
        coders: cmp.coderIds.length,
        covered,
        spans: codings
          .filter((c) => c.documentId === d.id)
          .map((c) => ({
            coder: index.get(c.coderId)!,
            codeId: c.codeId,
            start: c.start,
            end: c.end,
          })),
      }));
    return { study, covered, documents };
  }
  return { studies: repos.agreement.studies(cmp.projectId, ids), load };
}
