/**
 * A tally of weighted unit patterns: the input of `agreementStats`. Identical units are stored
 * once with their summed weight, so memory grows with the number of distinct patterns (at most
 * (categories + 1)^coders), never with the weight.
 */

/**
 * One unit of analysis: the category each coder gave it (index = coder), null = that coder did
 * not code this unit (missing). `weight` = how many identical units this stands for (a character
 * run, for example).
 */
export interface WeightedUnit {
  values: readonly (number | null)[];
  weight: number;
}

/**
 * Weighted unit patterns, added to incrementally and mergeable, so per-code tallies can be pooled
 * without keeping units. Memory grows with the number of distinct patterns, not with the weight.
 * Change it only through `addUnit` and `mergeTally`.
 */
export interface AgreementTally {
  /** Every unit has exactly this many values. */
  readonly coders: number;
  /** Distinct patterns by key, with the summed weight of every unit that had that pattern. */
  readonly patterns: Map<string, WeightedUnit>;
}

/** An empty tally for units coded by `coders` coders (an integer ≥ 1). */
export function createTally(coders: number): AgreementTally {
  if (!Number.isInteger(coders) || coders < 1) {
    throw new RangeError(`coders must be an integer >= 1, got ${coders}`);
  }
  return { coders, patterns: new Map() };
}

/**
 * Adds `weight` (default 1; finite, ≥ 0) copies of a unit: one value per coder, null = missing.
 * Values are category labels; any finite number is a label.
 */
export function addUnit(
  tally: AgreementTally,
  values: readonly (number | null)[],
  weight = 1,
): void {
  if (values.length !== tally.coders) {
    throw new RangeError(`a unit needs ${tally.coders} values, got ${values.length}`);
  }
  if (!Number.isFinite(weight) || weight < 0) {
    throw new RangeError(`weight must be a finite number >= 0, got ${weight}`);
  }
  const key = keyOf(values);
  if (weight > 0) addPattern(tally, key, values, weight);
}

/** "0,1,null,": the identity of a pattern. A plain loop, as this runs once per unit added. */
function keyOf(values: readonly (number | null)[]): string {
  let key = '';
  for (const v of values) {
    if (v !== null && !Number.isFinite(v)) {
      throw new RangeError(`unit values must be finite numbers or null: [${values.join(', ')}]`);
    }
    key += `${v},`;
  }
  return key;
}

/** Adds every pattern of `from` to `into` (left unchanged: `from`). Both need the same coder count. */
export function mergeTally(into: AgreementTally, from: AgreementTally): void {
  if (into.coders !== from.coders) {
    throw new RangeError(
      `cannot merge a ${from.coders}-coder tally into a ${into.coders}-coder one`,
    );
  }
  for (const [key, unit] of from.patterns) addPattern(into, key, unit.values, unit.weight);
}

function addPattern(
  tally: AgreementTally,
  key: string,
  values: readonly (number | null)[],
  weight: number,
): void {
  const known = tally.patterns.get(key);
  if (known) known.weight += weight;
  // Copied, because callers may reuse (and mutate) their values array for the next unit.
  else tally.patterns.set(key, { values: [...values], weight });
}
