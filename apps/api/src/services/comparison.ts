import { parseIdList, type CodedDocument, type CoderSpan, type CodeNode } from '@kodbok/core';
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

/** The `studies` parameter as ids of the project's studies (null: all), or a precise 400. */
export function studyFilter(repos: Repositories, projectId: string, studies?: string) {
  const ids = studies ? parseIdList(studies) : null;
  const [foreign] = ids ? repos.analysis.foreignStudies(projectId, ids) : [];
  if (foreign) throw new BadRequestError(`studies: "${foreign}" is not a study of this project`);
  return ids;
}

/** Studies read per page: two queries each, about 10 ms of work at 20 highlights a study. */
export const STUDY_PAGE = 100;

/**
 * The studies to compare (those asked for, else every study of the project; a study no chosen
 * coder covers comes back with no coder covered) in pages of STUDY_PAGE, and a reader that loads
 * a page at a time, so callers can work in slices.
 */
export function studiesToCompare(repos: Repositories, cmp: Comparison, studies?: string) {
  const ids = studyFilter(repos, cmp.projectId, studies);
  const assigned = new Set(
    repos.agreement.assigned(cmp.projectId, cmp.coderIds).map((a) => `${a.studyId} ${a.coderId}`),
  );
  const reconciled = new Set(repos.consensus.reconciled(cmp.projectId).map((r) => r.studyId));
  const index = new Map(cmp.coderIds.map((id, i) => [id, i]));
  const all = repos.agreement.studies(cmp.projectId, ids);
  const pages: StudyRef[][] = [];
  for (let i = 0; i < all.length; i += STUDY_PAGE) pages.push(all.slice(i, i + STUDY_PAGE));

  function load(page: readonly StudyRef[]): ComparedStudy[] {
    const studyIds = page.map((s) => s.id);
    const pageDocuments = repos.agreement.documents(studyIds);
    const docs = groupBy(pageDocuments, (d) => d.studyId);
    // One pass over the page's codings (a few thousand rows): spans by document, coders by study.
    const spans = new Map<string, CoderSpan[]>();
    const coded = new Map<string, Set<number>>();
    for (const [documentId, studyId, coderId, codeId, start, end] of repos.agreement.codings(
      studyIds,
      cmp.coderIds,
    )) {
      const coder = index.get(coderId)!;
      const span = { coder, codeId, start, end };
      const list = spans.get(documentId);
      if (list) list.push(span);
      else spans.set(documentId, [span]);
      const coders = coded.get(studyId);
      if (coders) coders.add(coder);
      else coded.set(studyId, new Set([coder]));
    }
    return page.map((study) => {
      const covered = cmp.coderIds.map(
        (id, i) =>
          coded.get(study.id)?.has(i) ||
          assigned.has(`${study.id} ${id}`) ||
          (id === CONSENSUS_CODER_ID && reconciled.has(study.id)),
      );
      const documents = (docs.get(study.id) ?? []).map((d) => ({
        id: d.id,
        length: d.length,
        coders: cmp.coderIds.length,
        covered,
        spans: spans.get(d.id) ?? [],
      }));
      return { study, covered, documents };
    });
  }
  return { studies: all, pages, load };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}
