import type { AgreementGrid, Disagreements } from '@kodbok/contracts';

type Region = Disagreements['regions'][number];
type GridStudy = AgreementGrid['studies'][number];

/** A region's stable name in the URL (?region=…): its code and extent. */
export const regionKey = (r: Pick<Region, 'codeId' | 'start' | 'end'>) =>
  `${r.codeId}:${r.start}:${r.end}`;

/**
 * The region to show: the one named in the URL, else the first of the code asked for (a grid
 * cell), else the first unresolved one, else the first. Null when there are none.
 */
export function selectRegion<R extends Region>(
  regions: readonly R[],
  key: string | null,
  codeId: string | null,
): R | null {
  return (
    (key ? regions.find((r) => regionKey(r) === key) : undefined) ??
    (codeId ? regions.find((r) => r.codeId === codeId) : undefined) ??
    regions.find((r) => r.resolution === null) ??
    regions[0] ??
    null
  );
}

/** The region `step` places after (1) or before (-1) the current one; null past either end. */
export function stepRegion<R extends Region>(
  regions: readonly R[],
  current: R | null,
  step: 1 | -1,
): R | null {
  if (regions.length === 0) return null;
  const at = current ? regions.indexOf(current) : -1;
  if (at === -1) return step === 1 ? regions[0]! : null;
  return regions[at + step] ?? null;
}

export interface ReviewTarget {
  studyId: string;
  documentId: string;
}

/** The document after `documentId` among a study's documents, or null after its last. */
export function nextDocument(documentIds: readonly string[], documentId: string): string | null {
  const at = documentIds.indexOf(documentId);
  return at === -1 ? null : (documentIds[at + 1] ?? null);
}

/**
 * One page of the grid (in the grid's order) scanned for the first study after `studyId` that
 * still has disagreements and is not reconciled: where review goes after a study's last region.
 * `seen` carries across pages whether `studyId` has been passed; a study not in the grid at all
 * is never passed, so the caller starts over from the top.
 */
export function scanForNextStudy(
  studies: readonly GridStudy[],
  studyId: string,
  seen: boolean,
): { seen: boolean; target: ReviewTarget | null } {
  let passed = seen;
  for (const s of studies) {
    if (!passed) {
      passed = s.id === studyId;
      continue;
    }
    if (s.disagreements > 0 && s.reconciled === null && s.documentIds.length > 0)
      return { seen: true, target: { studyId: s.id, documentId: s.documentIds[0]! } };
  }
  return { seen: passed, target: null };
}
