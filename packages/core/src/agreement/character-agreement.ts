import { agreementStats, type AgreementStats } from './statistics';
import { addUnit, createTally, mergeTally } from './tally';
import type { AgreementResult } from './units';

/** At most this many coders: a unit's pattern is two masks of them in one exact number. */
export const CHARACTER_CODERS_MAX = 26;

/** A document's spans as parallel arrays: span i is `code[i]` (an index of the codes compared). */
export interface NumberedSpans {
  code: ArrayLike<number>;
  coder: ArrayLike<number>;
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  length: number;
}

/**
 * Agreement at the character level, as `createAgreementAccumulator` computes it (its property
 * test holds the two equal), over numbers: coders and codes are indices, whose coding counts is a
 * bit mask, and a unit's pattern is (covered, coded) as one number. At a million highlights the
 * accumulator's objects per span, run and unit took most of the level's 0.7 s.
 */
export class CharacterAgreement {
  /** Per code: characters by pattern, covered × 2^coders + coded. */
  private readonly coded: Array<Map<number, number>>;
  /** Characters of each coverage in every document, as if no code were applied there. */
  private readonly absent = new Map<number, number>();
  /** Per code: the characters of `absent` in documents where the code is applied. */
  private readonly skipped: Array<Map<number, number>>;
  private readonly span: number;

  constructor(
    private readonly coders: number,
    codes: number,
  ) {
    if (!Number.isInteger(coders) || coders < 1 || coders > CHARACTER_CODERS_MAX)
      throw new RangeError(`coders must be an integer in [1, ${CHARACTER_CODERS_MAX}]`);
    this.span = 2 ** coders;
    this.coded = Array.from({ length: codes }, () => new Map());
    this.skipped = Array.from({ length: codes }, () => new Map());
  }

  /**
   * One document of `length` characters; `covered` bit c: coder c's coding counts in it. Spans
   * of uncovered coders, of codes below 0, and those empty once clamped to the text are ignored.
   */
  addDocument(length: number, covered: number, spans: NumberedSpans): void {
    add(this.absent, covered, length);
    // The spans kept, by code.
    const byCode = new Map<number, number[]>();
    for (let i = 0; i < spans.length; i++) {
      const code = spans.code[i]!;
      if (code < 0 || ((covered >> spans.coder[i]!) & 1) === 0) continue;
      const start = clamp(spans.start[i]!, length);
      const end = clamp(spans.end[i]!, length);
      if (start >= end) continue;
      const list = byCode.get(code);
      if (list) list.push(spans.coder[i]!, start, end);
      else byCode.set(code, [spans.coder[i]!, start, end]);
    }
    for (const [code, list] of byCode) {
      const tally = this.coded[code]!;
      const base = covered * this.span;
      for (const [mask, chars] of maskLengths(length, list)) add(tally, base + mask, chars);
      add(this.skipped[code]!, covered, length);
    }
  }

  /** The statistics per code (in the order of `codeIds`, one per code index) and pooled. */
  result(codeIds: readonly string[]): AgreementResult {
    const overall = createTally(this.coders);
    const codes = new Map<string, AgreementStats>();
    codeIds.forEach((codeId, code) => {
      const tally = createTally(this.coders);
      for (const [key, chars] of this.coded[code]!)
        addUnit(tally, this.values(Math.floor(key / this.span), key % this.span), chars);
      for (const [covered, chars] of this.absent)
        addUnit(tally, this.values(covered, 0), chars - (this.skipped[code]!.get(covered) ?? 0));
      mergeTally(overall, tally);
      codes.set(codeId, agreementStats(tally, 2));
    });
    return { overall: agreementStats(overall, 2), codes };
  }

  /** A unit's values: 1 coded, 0 not coded, null for a coder whose coding does not count. */
  private values(covered: number, coded: number): (number | null)[] {
    return Array.from({ length: this.coders }, (_, c) =>
      ((covered >> c) & 1) === 1 ? (coded >> c) & 1 : null,
    );
  }
}

function add(map: Map<number, number>, key: number, n: number): void {
  if (n > 0) map.set(key, (map.get(key) ?? 0) + n);
}

function clamp(n: number, length: number): number {
  return Math.min(Math.max(n, 0), length);
}

/**
 * Characters of [0, length) by the mask of coders whose spans cover them; `spans` is flat
 * (coder, start, end) triples, clamped and non-empty.
 */
function maskLengths(length: number, spans: readonly number[]): Map<number, number> {
  // An event is at × 64 + 32 (a start) or + 0 (an end) + its coder; ties need no order, as a
  // run is closed only where the position moves. Plain arrays: typed arrays made per call cost
  // more than the sweep.
  const events: number[] = [];
  for (let i = 0; i < spans.length; i += 3) {
    const coder = spans[i]!;
    events.push(spans[i + 1]! * 64 + 32 + coder, spans[i + 2]! * 64 + coder);
  }
  events.sort((a, b) => a - b);
  const depth: number[] = [];
  const lengths = new Map<number, number>();
  let mask = 0;
  let from = 0;
  for (const e of events) {
    const at = Math.floor(e / 64);
    const rest = e - at * 64;
    if (at > from) {
      lengths.set(mask, (lengths.get(mask) ?? 0) + at - from);
      from = at;
    }
    const coder = rest & 31;
    const d = depth[coder] ?? 0;
    if (rest >= 32) {
      depth[coder] = d + 1;
      if (d === 0) mask |= 1 << coder;
    } else {
      depth[coder] = d - 1;
      if (d === 1) mask &= ~(1 << coder);
    }
  }
  if (from < length) lengths.set(mask, (lengths.get(mask) ?? 0) + length - from);
  return lengths;
}
