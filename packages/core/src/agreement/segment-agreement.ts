import { GroupedAgreement } from './grouped-agreement';
import { checkThreshold, iou } from './matching';
import { sortShort } from './span-groups';
import { DEFAULT_SEGMENT_THRESHOLD } from './units';

/**
 * Agreement at the segment level, as `createAgreementAccumulator` computes it with
 * `matchSegments` (its property test holds the two equal), over numbers: a code's segments in a
 * document are matched in arrays reused from one group to the next, and each cluster is a unit
 * of (covered, coded) masks in a MaskTally. At a million highlights the accumulator's objects per
 * segment, candidate pair and cluster took most of the level's 0.6 s.
 */
export class SegmentAgreement extends GroupedAgreement {
  /** Scratch: a group's segments in text order, its candidate pairs, and the clusters. */
  private readonly order: number[] = [];
  private readonly pairs: number[] = [];
  private readonly ious: number[] = [];
  private readonly byMatch: number[] = [];
  private readonly parent: number[] = [];
  private readonly coders: number[] = [];

  constructor(
    coders: number,
    codes: number,
    private readonly threshold = DEFAULT_SEGMENT_THRESHOLD,
  ) {
    checkThreshold(threshold);
    super(coders, codes);
  }

  /** Segments are highlights, so where nobody highlighted there is no unit. */
  protected uncodedWeight(): number {
    return 0;
  }

  protected addGroup(code: number, covered: number, from: number, to: number): void {
    // Most codes have one segment in a document: a cluster of its own.
    if (to - from === 1) this.tally.addCoded(code, covered, 1 << this.groups.coder[from]!, 1);
    else this.match(code, covered, from, to);
  }

  /**
   * `matchSegments` on the segments `from` … `to` of one code: candidate pairs best first (ties
   * by position in text order), each merged unless a coder would have two segments in a cluster.
   */
  private match(code: number, covered: number, from: number, to: number): void {
    const { coder, start, end } = this.groups;
    const { order, pairs, ious, byMatch, parent, coders, threshold } = this;
    order.length = pairs.length = ious.length = byMatch.length = 0;
    for (let i = from; i < to; i++) order.push(i);
    // Segments alike in start, end and coder are interchangeable, so their order does not matter.
    sortShort(order, (x, y) => start[x]! - start[y]! || end[x]! - end[y]! || coder[x]! - coder[y]!);
    for (let i = 0; i < order.length; i++) {
      const a = order[i]!;
      for (let j = i + 1; j < order.length; j++) {
        const b = order[j]!;
        // As matchSegments: past this bound no later segment can match a.
        if ((end[a]! - start[b]!) / (end[a]! - start[a]!) < threshold) break;
        if (coder[a] === coder[b]) continue;
        const v = iou(start[a]!, end[a]!, start[b]!, end[b]!);
        if (v < threshold) continue;
        byMatch.push(ious.length);
        ious.push(v);
        pairs.push(i, j);
      }
    }
    // Pairs were found in (i, j) order, so a stable sort by match keeps that order within ties.
    sortShort(byMatch, (p, q) => ious[q]! - ious[p]!);
    parent.length = coders.length = 0;
    for (let i = 0; i < order.length; i++) {
      parent.push(i);
      coders.push(1 << coder[order[i]!]!);
    }
    for (const p of byMatch) {
      const x = root(parent, pairs[2 * p]!);
      const y = root(parent, pairs[2 * p + 1]!);
      if (x === y || (coders[x]! & coders[y]!) !== 0) continue;
      parent[y] = x;
      coders[x]! |= coders[y]!;
    }
    for (let i = 0; i < order.length; i++)
      if (parent[i] === i) this.tally.addCoded(code, covered, coders[i]!, 1);
  }
}

function root(parent: number[], i: number): number {
  while (parent[i] !== i) i = parent[i]!;
  return i;
}
