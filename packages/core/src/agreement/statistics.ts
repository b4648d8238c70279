/**
 * Inter-coder agreement over nominal units, computed from a tally of weighted unit patterns.
 * Every statistic is a closed formula over pattern counts, so a pattern standing for 10^9
 * characters costs the same as one standing for a single character.
 */

import type { AgreementTally } from './tally';

/** Agreement figures for one tally. A figure that is undefined for the data is null, never 0 or 1. */
export interface AgreementStats {
  /** Total weight of complete units (every coder gave a value). */
  units: number;
  /** Weight of complete units where all coders gave the same value. */
  agreements: number;
  /** agreements / units, in [0, 1]; null without complete units or with fewer than 2 coders. */
  percentAgreement: number | null;
  /** Cohen's kappa over complete units; only for exactly 2 coders. */
  cohenKappa: number | null;
  /** Krippendorff's nominal alpha over every unit with at least 2 values (missing data allowed). */
  krippendorffAlpha: number | null;
  /** Fleiss' kappa over complete units. */
  fleissKappa: number | null;
  /**
   * Brennan–Prediger's free-marginal kappa, (Po − 1/q) / (1 − 1/q), with Po Fleiss' mean
   * pairwise agreement over complete units (percent agreement for 2 coders), q categories.
   */
  brennanPredigerKappa: number | null;
}

/** Weighted sums over the patterns: everything the formulas need, gathered in one pass. */
interface Sums {
  /** N: weight of complete units. */
  complete: number;
  agreements: number;
  /** Σ w · (ordered pairs of coders that disagree) over complete units. */
  pairDisagreements: number;
  /** Category → weighted number of values in complete units. */
  completeTotals: Map<number, number>;
  /** Category → weight of complete units in which coder 0 (resp. 1) gave it; for Cohen. */
  first: Map<number, number>;
  second: Map<number, number>;
  /** Σ w · (ordered disagreeing pairs) / (m_u − 1) over units with m_u ≥ 2 values. */
  pairableDisagreement: number;
  /** Category → weighted number of values in units with at least 2 values. */
  pairableTotals: Map<number, number>;
}

function sumPatterns(tally: AgreementTally): Sums {
  const s: Sums = {
    complete: 0,
    agreements: 0,
    pairDisagreements: 0,
    completeTotals: new Map(),
    first: new Map(),
    second: new Map(),
    pairableDisagreement: 0,
    pairableTotals: new Map(),
  };
  for (const { values, weight: w } of tally.patterns.values()) {
    const counts = countValues(values);
    const m = sumOf(counts);
    // Σ_k n_k (m − n_k) instead of m² − Σ n_k², which would cancel catastrophically.
    const disagreeingPairs = sumOf(counts, (n) => n * (m - n));
    if (m >= 2) {
      s.pairableDisagreement += (w * disagreeingPairs) / (m - 1);
      addCounts(s.pairableTotals, counts, w);
    }
    if (m < values.length) continue;
    s.complete += w;
    if (counts.size === 1) s.agreements += w;
    s.pairDisagreements += w * disagreeingPairs;
    addCounts(s.completeTotals, counts, w);
    increment(s.first, values[0]!, w);
    if (values.length > 1) increment(s.second, values[1]!, w);
  }
  return s;
}

/**
 * Agreement figures for a tally. `categories` (q) is the number of categories coders could choose
 * from; it only enters Brennan–Prediger and must be at least the number of categories observed.
 */
export function agreementStats(tally: AgreementTally, categories: number): AgreementStats {
  const s = sumPatterns(tally);
  const observed = s.pairableTotals.size;
  if (!Number.isInteger(categories) || categories < observed) {
    throw new RangeError(
      `categories must be an integer >= ${observed} (observed), got ${categories}`,
    );
  }
  const m = tally.coders;
  const hasComplete = m >= 2 && s.complete > 0;
  return {
    units: s.complete,
    agreements: s.agreements,
    percentAgreement: hasComplete ? s.agreements / s.complete : null,
    cohenKappa: m === 2 && hasComplete ? cohen(s) : null,
    krippendorffAlpha: krippendorff(s),
    fleissKappa: hasComplete ? fleiss(s, m) : null,
    brennanPredigerKappa: hasComplete && categories >= 2 ? brennanPrediger(s, m, categories) : null,
  };
}

// Each kappa below is written as 1 − D_o / D_e (observed over expected disagreement), which
// avoids subtracting two numbers close to 1. Expected disagreement is zero exactly when a single
// category was ever used; that is checked on the categories themselves rather than on a float.

function cohen(s: Sums): number | null {
  if (s.completeTotals.size < 2) return null;
  const n = s.complete;
  const disagreements = s.pairDisagreements / 2;
  // 1 − Pe = Σ_j a_j (N − b_j) / N²
  let expected = 0;
  for (const [category, a] of s.first) expected += a * (n - (s.second.get(category) ?? 0));
  return 1 - (disagreements * n) / expected;
}

function fleiss(s: Sums, m: number): number | null {
  if (s.completeTotals.size < 2) return null;
  const values = s.complete * m;
  const observed = s.pairDisagreements / (values * (m - 1));
  const expected = sumOf(s.completeTotals, (n) => n * (values - n)) / (values * values);
  return 1 - observed / expected;
}

function krippendorff(s: Sums): number | null {
  const n = sumOf(s.pairableTotals);
  if (s.pairableTotals.size < 2 || n <= 1) return null;
  const expected = sumOf(s.pairableTotals, (nc) => nc * (n - nc));
  return 1 - ((n - 1) * s.pairableDisagreement) / expected;
}

function brennanPrediger(s: Sums, m: number, q: number): number {
  const observed = s.pairDisagreements / (s.complete * m * (m - 1));
  return 1 - (observed * q) / (q - 1);
}

function countValues(values: readonly (number | null)[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const v of values) if (v !== null) increment(counts, v, 1);
  return counts;
}

function addCounts(into: Map<number, number>, counts: Map<number, number>, weight: number): void {
  for (const [category, n] of counts) increment(into, category, n * weight);
}

function increment(map: Map<number, number>, key: number, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function sumOf(map: Map<number, number>, f: (n: number) => number = (n) => n): number {
  let sum = 0;
  for (const n of map.values()) sum += f(n);
  return sum;
}
