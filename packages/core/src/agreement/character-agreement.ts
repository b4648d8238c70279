import { MaskTally } from './mask-tally';
import { sortShort, SpanGroups, type NumberedSpans } from './span-groups';
import type { AgreementResult } from './units';

/**
 * Agreement at the character level, as `createAgreementAccumulator` computes it (its property
 * test holds the two equal), over numbers: coders and codes are indices, whose coding counts is a
 * bit mask, and a unit's pattern is (covered, coded) in a MaskTally. At a million highlights the
 * accumulator's objects per span, run and unit took most of the level's 0.7 s.
 */
export class CharacterAgreement {
  private readonly tally: MaskTally;
  private readonly groups: SpanGroups;
  /** Scratch: a code's events in one document, and each coder's depth of spans. */
  private readonly events: number[] = [];
  private readonly depth: Int32Array;

  constructor(coders: number, codes: number) {
    this.tally = new MaskTally(coders, codes);
    this.groups = new SpanGroups(codes);
    this.depth = new Int32Array(coders);
  }

  /**
   * One document of `length` characters; `covered` bit c: coder c's coding counts in it. Spans
   * of uncovered coders, of codes below 0, and those empty once clamped to the text are ignored.
   */
  addDocument(length: number, covered: number, spans: NumberedSpans): void {
    // Every character is a unit of every code; those a coder coded are claimed per code below.
    this.tally.addUncoded(covered, length);
    const g = this.groups;
    g.group(length, covered, spans);
    for (let k = 0; k < g.codes.length; k++) {
      const code = g.codes[k]!;
      const from = g.from[k]!;
      const to = g.from[k + 1]!;
      // Most codes have one span in a document: its characters are its coder's alone.
      if (to - from === 1)
        this.tally.addCoded(code, covered, 1 << g.coder[from]!, g.end[from]! - g.start[from]!);
      else this.sweep(code, covered, from, to);
    }
  }

  /** The statistics per code (in the order of `codeIds`, one per code index) and pooled. */
  result(codeIds: readonly string[]): AgreementResult {
    const { overall, codes } = this.tally.result();
    return { overall, codes: new Map(codeIds.map((id, code) => [id, codes[code]!])) };
  }

  /** Adds the characters of one code's spans `from` … `to` by the mask of coders covering them. */
  private sweep(code: number, covered: number, from: number, to: number): void {
    const { coder, start, end } = this.groups;
    // An event is at × 64 + 32 (a start) or + 0 (an end) + its coder; ties need no order, as a
    // run is closed only where the position moves.
    const events = this.events;
    events.length = 0;
    for (let i = from; i < to; i++)
      events.push(start[i]! * 64 + 32 + coder[i]!, end[i]! * 64 + coder[i]!);
    sortShort(events, byValue);
    const depth = this.depth;
    let mask = 0;
    let at = 0;
    for (const e of events) {
      const pos = Math.floor(e / 64);
      const rest = e - pos * 64;
      if (pos > at && mask !== 0) this.tally.addCoded(code, covered, mask, pos - at);
      at = pos;
      const c = rest & 31;
      // Every span ends, so each coder's depth is 0 again after the sweep.
      if (rest >= 32) {
        if (depth[c]!++ === 0) mask |= 1 << c;
      } else if (--depth[c]! === 0) mask &= ~(1 << c);
    }
  }
}

const byValue = (x: number, y: number) => x - y;
