import { coverageRuns } from './coverage';
import { checkDocument, intervalsByCode, type CodedDocument } from './document';

/** A maximal run of a document where the covered coders do not all agree on one code. */
export interface Disagreement {
  codeId: string;
  start: number;
  end: number;
  /** Per coder: the run is inside their coding of the code (always false for uncovered coders). */
  coded: boolean[];
}

/**
 * The runs of `doc` that the covered coders coded differently, for the disagreement review:
 * for each code, maximal runs with one coded pattern in which some covered coders coded the code
 * and others did not. Uncovered coders are ignored, so a document with fewer than 2 covered
 * coders has no disagreements. Sorted by start, then by the order of `codeIds`.
 */
export function disagreements(doc: CodedDocument, codeIds: readonly string[]): Disagreement[] {
  checkDocument(doc, doc.coders);
  const wanted = new Set(codeIds);
  const byCode = intervalsByCode(doc, wanted);
  const found: Disagreement[] = [];
  for (const codeId of wanted) {
    const intervals = byCode.get(codeId);
    if (!intervals) continue; // Nobody coded it, so everybody agrees.
    for (const run of coverageRuns(doc.length, doc.coders, intervals)) {
      const votes = run.coded.filter((_, c) => doc.covered[c]);
      if (votes.includes(true) && votes.includes(false)) found.push({ codeId, ...run });
    }
  }
  // The sort is stable and codes were visited in order, so runs starting together keep it.
  return found.sort((a, b) => a.start - b.start);
}
