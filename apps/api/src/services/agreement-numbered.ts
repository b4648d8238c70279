import { popcount, type GroupedAgreement } from '@kodbok/core';
import type { Repositories } from '@kodbok/db';
import { coverAssignedAndReconciled } from './agreement-counts';
import { studyFilter, type Comparison } from './comparison';
import type { HighlightCopies } from './highlight-copies';

/**
 * Feeds `acc` every document of the studies (those asked for, else all) that two or more of
 * the compared coders cover, from the read worker's copy of the highlights (decision 026), as
 * `compareStudies` (read-job.ts) feeds the accumulator from study objects; how many studies and
 * documents that was. Documents, studies and coders are numbers throughout: at a million
 * highlights, pages of study objects and their spans took a third of the level's time.
 */
export function agreementByNumber(
  repos: Repositories,
  cmp: Comparison,
  studiesParam: string | undefined,
  highlights: HighlightCopies,
  acc: GroupedAgreement,
): { studies: number; documents: number } {
  const chosen = studyFilter(repos, cmp.projectId, studiesParam);
  const studyOf = new Map(repos.agreement.studyIds(cmp.projectId, chosen).map((id, i) => [id, i]));
  const source = highlights.numbered(cmp.projectId, cmp.coderIds, cmp.codeIds);
  // [rowid, length, study] of the documents of the studies chosen.
  const docs = repos.agreement
    .documentNumbers(cmp.projectId)
    .flatMap(([rowid, length, studyId]) => {
      const s = studyOf.get(studyId);
      return s === undefined ? [] : [[rowid, length, s] as const];
    });
  // Who covers each study: coded in it, assigned it, or (the consensus) reconciled it.
  const studyMask = new Uint32Array(studyOf.size);
  for (const [rowid, , s] of docs) studyMask[s]! |= source.coded[rowid] ?? 0;
  coverAssignedAndReconciled(repos, cmp, studyOf, studyMask);
  let documents = 0;
  for (const [rowid, length, s] of docs) {
    const covered = studyMask[s]!;
    // Units need two coders' decisions; a study fewer covered adds nothing to any statistic.
    if (popcount(covered) < 2) continue;
    acc.addDocument(length, covered, source.spans.read(rowid));
    documents++;
  }
  const studies = studyMask.filter((mask) => popcount(mask) >= 2).length;
  return { studies, documents };
}
