import { CONSENSUS_CODER_ID } from '@kodbok/contracts';
import { documentMaskAgreement, MASK_CODERS, popcount } from '@kodbok/core';
import type { Repositories } from '@kodbok/db';
import type { CountsCache } from './counts-cache';
import { studyFilter, type Comparison } from './comparison';

/*
 * A comparison's codings from the read worker's counts (docs/decisions/020) instead of the
 * highlights, for what needs only "who applied which code in which document": agreement at the
 * document level and the study grid. Reading a million highlights' offsets takes seconds; the
 * counts answer in one pass over memory. A count of a code holds its descendants' highlights
 * too, so codes with children are read from the highlights, through the codes' index, once for
 * the whole project (teams seldom code a theme directly).
 */

/** The comparison's codes without children (read from the counts) and with (from highlights). */
function splitCodes(cmp: Comparison) {
  const parents = new Set(cmp.codes.map((c) => c.parentId));
  return {
    leaves: cmp.codeIds.filter((id) => !parents.has(id)),
    withChildren: cmp.codeIds.filter((id) => parents.has(id)),
  };
}

/**
 * Agreement at the document level from the counts, as bit masks (core's documentMaskAgreement):
 * tens of milliseconds at a million highlights where reading the highlights takes seconds. Null
 * when there are more coders than a mask holds (the caller reads the highlights then).
 */
export function documentAgreementFromCounts(
  repos: Repositories,
  counts: CountsCache,
  cmp: Comparison,
  studiesParam: string | undefined,
) {
  if (cmp.coderIds.length > MASK_CODERS) return null;
  const { studyMask, docStudy, applied } = countsComparison(repos, counts, cmp, studiesParam);
  // A study counts once two chosen coders cover it; its documents are compared.
  const compared = studyMask.map((mask) => (popcount(mask) >= 2 ? mask : 0));
  const covered = Uint32Array.from(docStudy, (s) => (s < 0 ? 0 : compared[s]!));
  const result = documentMaskAgreement({
    coders: cmp.coderIds.length,
    codes: cmp.codeIds.length,
    covered,
    applied,
  });
  return {
    studies: compared.filter((mask) => mask !== 0).length,
    documents: covered.filter((mask) => mask !== 0).length,
    ...result,
  };
}

/**
 * A comparison in numbers, from the counts (at most MASK_CODERS coders): the studies chosen
 * (those asked for, else all) in citation order; each document's study (by the copy's document
 * numbers, -1 for another's); each study's covering coders as a mask (bit c: `cmp.coderIds[c]`);
 * and who applied which code where, as (code, doc, coder) triples of the compared codes' indices,
 * each code's together, and within it each document's.
 */
export function countsComparison(
  repos: Repositories,
  counts: CountsCache,
  cmp: Comparison,
  studiesParam: string | undefined,
) {
  const slots = cmp.coderIds.length;
  const { leaves, withChildren } = splitCodes(cmp);
  const chosen = studyFilter(repos, cmp.projectId, studiesParam);
  const studyIds = repos.agreement.studyIds(cmp.projectId, chosen);
  const studyOf = new Map(studyIds.map((id, i) => [id, i]));
  const coderSlot = new Map(cmp.coderIds.map((id, i) => [id, i]));
  const p = counts.presence(cmp.projectId, cmp.coderIds, leaves);

  // Documents in the copy's numbers; those it never counted (nobody coded in them) after them.
  const docs = repos.counts.documents(cmp.projectId);
  const numberOf = new Map<string, number>();
  let extra = p.documents.length;
  for (const { id } of docs) numberOf.set(id, p.documentNumber(id) ?? extra++);
  const docStudy = new Int32Array(extra).fill(-1);
  for (const { id, studyId } of docs) docStudy[numberOf.get(id)!] = studyOf.get(studyId) ?? -1;

  // Who covers each study: coded in it, assigned it, or (the consensus) reconciled it.
  const studyMask = new Uint32Array(studyIds.length);
  for (let doc = 0; doc < p.documents.length; doc++) {
    const s = docStudy[doc]!;
    if (s < 0) continue;
    for (let slot = 0; slot < slots; slot++)
      if (p.coded[doc * slots + slot] === 1) studyMask[s]! |= 1 << slot;
  }
  coverAssignedAndReconciled(repos, cmp, studyOf, studyMask);

  // The copy's triples (by code, then document), then the codes with children's from their
  // highlights, sorted likewise.
  const codeSlot = new Map(cmp.codeIds.map((id, i) => [id, i]));
  const slotOfCode = Int32Array.from(p.codeIds, (id) => codeSlot.get(id) ?? -1);
  const fromCopy = new Uint32Array(p.applied.length);
  for (let i = 0; i < p.applied.length; i += 3) {
    fromCopy[i] = slotOfCode[p.applied[i + 1]!]!;
    fromCopy[i + 1] = p.applied[i]!;
    fromCopy[i + 2] = p.applied[i + 2]!;
  }
  const direct = repos.agreement
    .codingsOfCodes(withChildren, cmp.coderIds)
    .map(([documentId, , coderId, codeId]) => [
      codeSlot.get(codeId)!,
      numberOf.get(documentId)!,
      coderSlot.get(coderId)!,
    ])
    .sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  const applied = new Uint32Array(fromCopy.length + direct.length * 3);
  applied.set(fromCopy);
  applied.set(direct.flat(), fromCopy.length);
  return { studyIds, studyMask, docStudy, applied };
}

/**
 * Adds to each study's mask of covering coders (by `studyOf`) those assigned it and, for the
 * consensus, whether it was reconciled: with the coders who coded in it, who covers a study.
 */
export function coverAssignedAndReconciled(
  repos: Repositories,
  cmp: Comparison,
  studyOf: ReadonlyMap<string, number>,
  studyMask: Uint32Array,
): void {
  const coderSlot = new Map(cmp.coderIds.map((id, i) => [id, i]));
  for (const { studyId, coderId } of repos.agreement.assigned(cmp.projectId, cmp.coderIds)) {
    const s = studyOf.get(studyId);
    if (s !== undefined) studyMask[s]! |= 1 << coderSlot.get(coderId)!;
  }
  const consensus = coderSlot.get(CONSENSUS_CODER_ID);
  if (consensus !== undefined)
    for (const { studyId } of repos.consensus.reconciled(cmp.projectId)) {
      const s = studyOf.get(studyId);
      if (s !== undefined) studyMask[s]! |= 1 << consensus;
    }
}
