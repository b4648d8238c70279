import { agreementStats, type AgreementStats } from './statistics';
import { addUnit, createTally, mergeTally } from './tally';

/** Coders a pattern holds: (covered, coded) as two masks make one exact double (2 × 26 ≤ 53). */
export const MASK_CODERS = 26;

/** Pattern counters held in one array (8 MB) at most; past that, a map per code. */
const DENSE_MAX = 1 << 20;

/**
 * The units of every compared code as coder bit masks (bit c: coder c), for the levels that work
 * by number (document masks, character and segment agreement). A unit is (covered, coded): the
 * coders whose coding counts and those of them who applied the code.
 *
 * Most codes are absent from most documents, and a document's "nobody coded it" unit is the same
 * for every code it lacks: `addUncoded` adds such units once for all codes, and each unit a code
 * claims with `addCoded` is taken from them. So the work follows the codings, not the codebook.
 */
export class MaskTally {
  private readonly span: number;
  /** Units by code × span² + covered × span + coded, or per code by covered × span + coded. */
  private readonly dense: Float64Array | null;
  private readonly sparse: Array<Map<number, number>> | null;
  /** Units of every code, by covered mask, before any is claimed. */
  private readonly uncoded = new Map<number, number>();

  constructor(
    readonly coders: number,
    readonly codes: number,
  ) {
    if (!Number.isInteger(coders) || coders < 1 || coders > MASK_CODERS)
      throw new RangeError(`coders must be an integer in [1, ${MASK_CODERS}], got ${coders}`);
    this.span = 2 ** coders;
    const size = codes * this.span * this.span;
    this.dense = size <= DENSE_MAX ? new Float64Array(size) : null;
    this.sparse = this.dense ? null : Array.from({ length: codes }, () => new Map());
  }

  /** `n` units of every code, coded by none of `covered`, until a code claims them. */
  addUncoded(covered: number, n: number): void {
    if (n > 0) this.uncoded.set(covered, (this.uncoded.get(covered) ?? 0) + n);
  }

  /**
   * `n` units of `code` that the coders of `coded` (a non-empty subset of `covered`) applied;
   * where the level adds uncoded units (document, character), taken from those of `covered`.
   */
  addCoded(code: number, covered: number, coded: number, n: number): void {
    const key = covered * this.span + coded;
    if (this.dense) this.dense[code * this.span * this.span + key]! += n;
    else {
      const map = this.sparse![code]!;
      map.set(key, (map.get(key) ?? 0) + n);
    }
  }

  /** The statistics per code (in code order) and pooled over all codes. */
  result(): { overall: AgreementStats; codes: AgreementStats[] } {
    const overall = createTally(this.coders);
    const codes = Array.from({ length: this.codes }, (_, code) => {
      const tally = createTally(this.coders);
      const claimed = new Map<number, number>();
      this.eachCoded(code, (covered, coded, n) => {
        addUnit(tally, this.values(covered, coded), n);
        claimed.set(covered, (claimed.get(covered) ?? 0) + n);
      });
      for (const [covered, n] of this.uncoded)
        addUnit(tally, this.values(covered, 0), n - (claimed.get(covered) ?? 0));
      mergeTally(overall, tally);
      return agreementStats(tally, 2);
    });
    return { overall: agreementStats(overall, 2), codes };
  }

  private eachCoded(code: number, f: (covered: number, coded: number, n: number) => void): void {
    const span = this.span;
    if (this.dense) {
      const base = code * span * span;
      for (let key = 0; key < span * span; key++) {
        const n = this.dense[base + key]!;
        if (n > 0) f(Math.floor(key / span), key % span, n);
      }
    } else {
      for (const [key, n] of this.sparse![code]!) f(Math.floor(key / span), key % span, n);
    }
  }

  /** A unit's values: 1 coded, 0 not coded, null for a coder whose coding does not count. */
  private values(covered: number, coded: number): (number | null)[] {
    return Array.from({ length: this.coders }, (_, c) =>
      ((covered >> c) & 1) === 1 ? (coded >> c) & 1 : null,
    );
  }
}
