import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agreementStats, type AgreementStats } from '../src/agreement/statistics';
import { addUnit, createTally, mergeTally, type AgreementTally } from '../src/agreement/tally';

type Unit = (number | null)[];

function tallyOf(coders: number, units: readonly Unit[]): AgreementTally {
  const tally = createTally(coders);
  for (const values of units) addUnit(tally, values);
  return tally;
}

/** Rows of coders (null = missing) → one unit per column, the layout of Krippendorff's paper. */
function columns(rows: readonly Unit[]): Unit[] {
  return rows[0]!.map((_, u) => rows.map((row) => row[u]!));
}

function expectSameStats(actual: AgreementStats, expected: AgreementStats) {
  expect(actual.units).toBeCloseTo(expected.units, 9);
  expect(actual.agreements).toBeCloseTo(expected.agreements, 9);
  for (const key of [
    'percentAgreement',
    'cohenKappa',
    'krippendorffAlpha',
    'fleissKappa',
    'brennanPredigerKappa',
  ] as const) {
    const [a, e] = [actual[key], expected[key]];
    if (e === null) expect(a, key).toBeNull();
    else expect(a, key).toBeCloseTo(e, 9);
  }
}

// Textbook forms, written independently of the implementation, over explicit unit lists.

function referenceAlpha(units: readonly Unit[]): number | null {
  const o = new Map<string, number>(); // coincidences "c,k"
  for (const unit of units) {
    const values = unit.filter((v): v is number => v !== null);
    if (values.length < 2) continue;
    values.forEach((c, i) =>
      values.forEach((k, j) => {
        if (i !== j) o.set(`${c},${k}`, (o.get(`${c},${k}`) ?? 0) + 1 / (values.length - 1));
      }),
    );
  }
  const n_c = new Map<number, number>();
  for (const [key, x] of o) {
    const c = Number(key.split(',')[0]);
    n_c.set(c, (n_c.get(c) ?? 0) + x);
  }
  const n = [...n_c.values()].reduce((a, b) => a + b, 0);
  let observed = 0;
  for (const [key, x] of o) if (key.split(',')[0] !== key.split(',')[1]) observed += x;
  let expected = 0;
  for (const [c, x] of n_c) for (const [k, y] of n_c) if (c !== k) expected += x * y;
  return expected === 0 ? null : 1 - ((n - 1) * observed) / expected;
}

function referenceFleiss(units: readonly number[][], categories: number[]) {
  const m = units[0]!.length;
  const N = units.length;
  const counts = units.map((u) => categories.map((c) => u.filter((v) => v === c).length));
  const P = counts.map((row) => (row.reduce((s, x) => s + x * x, 0) - m) / (m * (m - 1)));
  const Pbar = P.reduce((a, b) => a + b, 0) / N;
  const p = categories.map((_, j) => counts.reduce((s, row) => s + row[j]!, 0) / (N * m));
  const Pe = p.reduce((s, x) => s + x * x, 0);
  return { Pbar, Pe, kappa: Pe === 1 ? null : (Pbar - Pe) / (1 - Pe) };
}

function referenceCohen(units: readonly number[][], categories: number[]): number | null {
  const N = units.length;
  const Po = units.filter(([a, b]) => a === b).length / N;
  const share = (coder: number, c: number) => units.filter((u) => u[coder] === c).length / N;
  const Pe = categories.reduce((s, c) => s + share(0, c) * share(1, c), 0);
  return Pe === 1 ? null : (Po - Pe) / (1 - Pe);
}

function referenceStats(coders: number, units: readonly Unit[], q: number): AgreementStats {
  const complete = units.filter((u) => u.every((v) => v !== null)) as number[][];
  const categories = [...new Set(complete.flat())];
  const agreements = complete.filter((u) => u.every((v) => v === u[0])).length;
  const has = complete.length > 0;
  const fleiss = has ? referenceFleiss(complete, categories) : null;
  return {
    units: complete.length,
    agreements,
    percentAgreement: has ? agreements / complete.length : null,
    cohenKappa: has && coders === 2 ? referenceCohen(complete, categories) : null,
    krippendorffAlpha: referenceAlpha(units),
    fleissKappa: fleiss?.kappa ?? null,
    brennanPredigerKappa: fleiss && q >= 2 ? (fleiss.Pbar - 1 / q) / (1 - 1 / q) : null,
  };
}

/** Random reliability data: 2–4 coders, categories 0–2, some values missing. */
const reliabilityData = fc.integer({ min: 2, max: 4 }).chain((coders) =>
  fc.tuple(
    fc.constant(coders),
    fc.array(
      fc.array(fc.option(fc.integer({ min: 0, max: 2 }), { freq: 4, nil: null }), {
        minLength: coders,
        maxLength: coders,
      }),
      { maxLength: 25 },
    ),
  ),
);

describe('agreementStats on published worked examples', () => {
  it("gives Krippendorff's (2011) nominal alpha of 0.743 for 4 coders with missing values", () => {
    const _ = null;
    const data = columns([
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ]);
    const stats = agreementStats(tallyOf(4, data), 5);
    expect(stats.krippendorffAlpha).toBeCloseTo(0.743, 3);
    // Units 2–9 are the complete ones; 3, 4, 5, 7 and 9 are unanimous.
    expect(stats.units).toBe(8);
    expect(stats.agreements).toBe(5);
    expect(stats.percentAgreement).toBe(5 / 8);
    expect(stats.cohenKappa).toBeNull();
  });

  it("gives the textbook Cohen's kappa of 0.4 for 20/5/10/15 yes-no ratings of 50 items", () => {
    const [yes, no] = [1, 0];
    const tally = createTally(2);
    addUnit(tally, [yes, yes], 20);
    addUnit(tally, [yes, no], 5);
    addUnit(tally, [no, yes], 10);
    addUnit(tally, [no, no], 15);
    const stats = agreementStats(tally, 2);
    expect(stats.units).toBe(50);
    expect(stats.percentAgreement).toBeCloseTo(0.7, 12);
    // Pe = 0.5 · 0.6 + 0.5 · 0.4 = 0.5, so kappa = (0.7 − 0.5) / (1 − 0.5).
    expect(stats.cohenKappa).toBeCloseTo(0.4, 12);
    // With q = 2 Brennan–Prediger assumes the same Pe = 1/2.
    expect(stats.brennanPredigerKappa).toBeCloseTo(0.4, 12);
  });

  it("gives Fleiss' (1971) kappa of 0.210 for 10 subjects, 14 raters and 5 categories", () => {
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    // Raters are anonymous: hand out the ratings of each subject to raters 0–13 in order.
    const units = table.map((counts) => counts.flatMap((n, c) => Array<number>(n).fill(c + 1)));
    const stats = agreementStats(tallyOf(14, units), 5);
    expect(stats.fleissKappa).toBeCloseTo(0.21, 3);
    // P̄ ≈ 0.378: the mean share of agreeing rater pairs per subject, by its definition.
    const pairs = (n: number) => n * (n - 1);
    const pBar = table.reduce((s, row) => s + row.map(pairs).reduce((a, b) => a + b), 0) / 1820;
    expect(pBar).toBeCloseTo(0.378, 3);
    expect(stats.brennanPredigerKappa).toBeCloseTo((pBar - 1 / 5) / (1 - 1 / 5), 12);
    expect(stats.units).toBe(10);
    expect(stats.agreements).toBe(1);
  });

  it('gives Brennan–Prediger (Po − 1/q) / (1 − 1/q) with Po the mean pairwise agreement', () => {
    // 3 coders, 4 categories. Agreeing pairs out of 3: unit 1 → 3, unit 2 → 1, unit 3 → 0.
    const stats = agreementStats(
      tallyOf(3, [
        [0, 0, 0],
        [1, 1, 2],
        [0, 1, 3],
      ]),
      4,
    );
    const po = (3 / 3 + 1 / 3 + 0 / 3) / 3;
    expect(stats.brennanPredigerKappa).toBeCloseTo((po - 1 / 4) / (1 - 1 / 4), 12);
    expect(stats.percentAgreement).toBeCloseTo(1 / 3, 12);
  });
});

describe('agreementStats when a figure is undefined', () => {
  it('gives only nulls for a tally without units', () => {
    expect(agreementStats(createTally(2), 2)).toEqual({
      units: 0,
      agreements: 0,
      percentAgreement: null,
      cohenKappa: null,
      krippendorffAlpha: null,
      fleissKappa: null,
      brennanPredigerKappa: null,
    });
  });

  it('gives percent agreement 1 but no kappa or alpha when every coder always chose one category', () => {
    const stats = agreementStats(
      tallyOf(3, [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, null],
      ]),
      2,
    );
    expect(stats.percentAgreement).toBe(1);
    expect(stats.cohenKappa).toBeNull();
    expect(stats.fleissKappa).toBeNull();
    expect(stats.krippendorffAlpha).toBeNull();
    // Brennan–Prediger's chance agreement is 1/q, not the marginals, so it stays defined.
    expect(stats.brennanPredigerKappa).toBe(1);
  });

  it("gives Cohen's kappa 0, not null, when one coder coded nothing and the other something", () => {
    const stats = agreementStats(
      tallyOf(2, [
        [1, 0],
        [0, 0],
        [0, 0],
        [1, 0],
      ]),
      2,
    );
    expect(stats.cohenKappa).toBe(0);
    expect(stats.percentAgreement).toBe(0.5);
  });

  it("gives Cohen's kappa only for exactly 2 coders", () => {
    expect(
      agreementStats(
        tallyOf(3, [
          [0, 1, 1],
          [1, 1, 1],
        ]),
        2,
      ).cohenKappa,
    ).toBeNull();
    expect(
      agreementStats(
        tallyOf(2, [
          [0, 1],
          [1, 1],
        ]),
        2,
      ).cohenKappa,
    ).not.toBeNull();
  });

  it('gives no agreement figure at all for a single coder', () => {
    const stats = agreementStats(tallyOf(1, [[0], [1]]), 2);
    expect(stats.units).toBe(2);
    expect(Object.values(stats).slice(2)).toEqual([null, null, null, null, null]);
  });

  it('gives no alpha with fewer than 2 pairable values, and only complete units to the rest', () => {
    const stats = agreementStats(
      tallyOf(2, [
        [0, null],
        [null, 1],
        [null, null],
      ]),
      2,
    );
    expect(stats.krippendorffAlpha).toBeNull();
    expect(stats.units).toBe(0);
    expect(stats.percentAgreement).toBeNull();
  });

  it('gives no Brennan–Prediger kappa with fewer than 2 categories', () => {
    expect(agreementStats(tallyOf(2, [[0, 0]]), 1).brennanPredigerKappa).toBeNull();
  });

  it('rejects fewer categories than observed, and malformed units', () => {
    expect(() => agreementStats(tallyOf(2, [[0, 1]]), 1)).toThrow(RangeError);
    expect(() => addUnit(createTally(2), [0])).toThrow(/2 values/);
    expect(() => addUnit(createTally(2), [0, Number.NaN])).toThrow(RangeError);
    expect(() => addUnit(createTally(2), [0, 0], -1)).toThrow(/weight/);
    expect(() => mergeTally(createTally(2), createTally(3))).toThrow(RangeError);
  });
});

describe('agreementStats against textbook formulas (property)', () => {
  it('equals an independent recomputation on random reliability data', () => {
    fc.assert(
      fc.property(reliabilityData, fc.integer({ min: 3, max: 5 }), ([coders, units], q) => {
        expectSameStats(
          agreementStats(tallyOf(coders, units), q),
          referenceStats(coders, units, q),
        );
      }),
    );
  });

  it('gives a unit of weight w exactly the stats of w copies of it', () => {
    const weighted = reliabilityData.chain(([coders, units]) =>
      fc.tuple(
        fc.constant(coders),
        fc.constant(units),
        fc.array(fc.nat(4), { minLength: units.length, maxLength: units.length }),
      ),
    );
    fc.assert(
      fc.property(weighted, ([coders, units, weights]) => {
        const tally = createTally(coders);
        units.forEach((u, i) => addUnit(tally, u, weights[i]));
        const copies = units.flatMap((u, i) => Array<Unit>(weights[i]!).fill(u));
        expectSameStats(agreementStats(tally, 3), agreementStats(tallyOf(coders, copies), 3));
      }),
    );
  });

  it('gives a merged tally the stats of one tally fed every unit', () => {
    fc.assert(
      fc.property(reliabilityData, fc.nat(25), ([coders, units], cut) => {
        const merged = tallyOf(coders, units.slice(0, cut));
        mergeTally(merged, tallyOf(coders, units.slice(cut)));
        expectSameStats(agreementStats(merged, 3), agreementStats(tallyOf(coders, units), 3));
      }),
    );
  });
});

describe('agreementStats with huge weights', () => {
  it('scales the Cohen example by 10^9 characters without changing a figure', () => {
    const tally = createTally(2);
    for (const [values, w] of [
      [[1, 1], 20],
      [[1, 0], 5],
      [[0, 1], 10],
      [[0, 0], 15],
    ] as const) {
      addUnit(tally, values, w * 1e9);
    }
    const stats = agreementStats(tally, 2);
    expect(stats.units).toBe(50e9);
    expect(stats.cohenKappa).toBeCloseTo(0.4, 12);
    // With n this large alpha's small-sample correction vanishes and alpha and Fleiss' kappa
    // both become Scott's pi: Pe = 0.55² + 0.45² = 0.505 from the pooled marginals.
    const scottPi = (0.7 - 0.505) / (1 - 0.505);
    expect(stats.fleissKappa).toBeCloseTo(scottPi, 12);
    expect(stats.krippendorffAlpha).toBeCloseTo(scottPi, 9);
    expect(tally.patterns.size).toBe(4);
  });

  it('keeps full precision when one disagreement sits among 10^12 agreements', () => {
    // Exactly: Cohen's Po = Pe, so kappa = 0; alpha = 1 − (n − 1)·2 / (2·(n − 1)) = 0.
    const tally = createTally(2);
    addUnit(tally, [0, 0], 1e12);
    addUnit(tally, [0, 1], 1);
    const stats = agreementStats(tally, 2);
    expect(stats.cohenKappa).toBeCloseTo(0, 12);
    expect(stats.krippendorffAlpha).toBeCloseTo(0, 12);
    expect(stats.fleissKappa).toBeCloseTo(0, 12);
  });
});
