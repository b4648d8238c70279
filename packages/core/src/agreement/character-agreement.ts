import { GroupedAgreement } from './grouped-agreement';
import { sortShort } from './span-groups';

/**
 * Agreement at the character level, as `createAgreementAccumulator` computes it (its property
 * test holds the two equal), over numbers: coders and codes are indices, whose coding counts is a
 * bit mask, and a unit's pattern is (covered, coded) in a MaskTally. At a million highlights the
 * accumulator's objects per span, run and unit took most of the level's 0.7 s.
 */
export class CharacterAgreement extends GroupedAgreement {
  /** Scratch: a code's events in one document, and each coder's depth of spans. */
  private readonly events: number[] = [];
  private readonly depth: Int32Array;

  constructor(coders: number, codes: number) {
    super(coders, codes);
    this.depth = new Int32Array(coders);
  }

  /** Every character is a unit of every code; those a coder coded are claimed by its code. */
  protected uncodedWeight(length: number): number {
    return length;
  }

  protected addGroup(code: number, covered: number, from: number, to: number): void {
    const { coder, start, end } = this.groups;
    // Most codes have one span in a document: its characters are its coder's alone.
    if (to - from === 1)
      this.tally.addCoded(code, covered, 1 << coder[from]!, end[from]! - start[from]!);
    else this.sweep(code, covered, from, to);
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
