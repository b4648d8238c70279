import { agreementStats, type AgreementStats } from './statistics';
import { addUnit, createTally, mergeTally, type AgreementTally } from './tally';

/** Coders a mask key holds: two masks of this many bits make an exact double (2 × 26 ≤ 53). */
export const MASK_CODERS = 26;

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
  // A compared document is a "nobody coded it" unit of every code it lacks: counted once per
  // covered mask (as if for every code), less, per code, the documents where it was applied.
  const absent = new Map<number, number>();
  for (const mask of covered) if (mask !== 0) absent.set(mask, (absent.get(mask) ?? 0) + 1);
  const coded = Array.from({ length: codes }, () => new Map<number, number>());
  const skipped = Array.from({ length: codes }, () => new Map<number, number>());
  const bits = 2 ** coders;
  for (let i = 0; i < applied.length;) {
    const code = applied[i]!;
    const doc = applied[i + 1]!;
    let mask = 0;
    for (; i < applied.length && applied[i] === code && applied[i + 1] === doc; i += 3)
      mask |= 1 << applied[i + 2]!;
    const cov = covered[doc]!;
    const eff = mask & cov; // a coder not covered is missing, whatever they coded
    if (eff === 0) continue; // no covered coder applied it: one of the absent units
    const key = cov * bits + eff;
    coded[code]!.set(key, (coded[code]!.get(key) ?? 0) + 1);
    skipped[code]!.set(cov, (skipped[code]!.get(cov) ?? 0) + 1);
  }
  const values = (cov: number, eff: number) =>
    Array.from({ length: coders }, (_, c) => (cov & (1 << c) ? (eff & (1 << c) ? 1 : 0) : null));
  const overall = createTally(coders);
  const stats = coded.map((patterns, code): AgreementStats => {
    const tally: AgreementTally = createTally(coders);
    for (const [key, n] of patterns) addUnit(tally, values(Math.floor(key / bits), key % bits), n);
    for (const [cov, n] of absent)
      addUnit(tally, values(cov, 0), n - (skipped[code]!.get(cov) ?? 0));
    mergeTally(overall, tally);
    return agreementStats(tally, 2);
  });
  return { overall: agreementStats(overall, 2), codes: stats };
}
