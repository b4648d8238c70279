import { MASK_CODERS, MaskTally } from './mask-tally';
import type { AgreementStats } from './statistics';

/** Document-level agreement with each document's coders as bit masks (bit c: coder c). */
export interface DocumentMasks {
  /** Coders compared, 2 ≤ coders ≤ MASK_CODERS. */
  coders: number;
  /** Codes compared, numbered 0 … codes − 1. */
  codes: number;
  /** covered[doc]: the coders whose coding counts for the document; 0: the document is not compared. */
  covered: Uint32Array;
  /**
   * (code, doc, coder) triples: the coder applied the code somewhere in the document. The
   * triples of one (code, doc) pair must come together.
   */
  applied: Uint32Array;
}

/**
 * Agreement at the document level, as createAgreementAccumulator computes it from documents
 * (units.ts: one unit per compared document and code; coded 1, not coded 0, not covered null),
 * but from masks: O(triples + documents + codes × patterns), with no document objects, for the
 * counts the read worker holds (a million highlights in a few tens of milliseconds).
 */
export function documentMaskAgreement(input: DocumentMasks): {
  overall: AgreementStats;
  codes: AgreementStats[];
} {
  const { coders, codes, covered, applied } = input;
  if (!Number.isInteger(coders) || coders < 2 || coders > MASK_CODERS)
    throw new RangeError(`coders must be an integer in [2, ${MASK_CODERS}], got ${coders}`);
  // Every compared document is a unit of every code, "nobody coded it" unless claimed below.
  const tally = new MaskTally(coders, codes);
  for (const mask of covered) if (mask !== 0) tally.addUncoded(mask, 1);
  for (let i = 0; i < applied.length;) {
    const code = applied[i]!;
    const doc = applied[i + 1]!;
    let mask = 0;
    for (; i < applied.length && applied[i] === code && applied[i + 1] === doc; i += 3)
      mask |= 1 << applied[i + 2]!;
    const cov = covered[doc]!;
    const eff = mask & cov; // a coder not covered is missing, whatever they coded
    if (eff !== 0) tally.addCoded(code, cov, eff, 1);
  }
  return tally.result();
}
