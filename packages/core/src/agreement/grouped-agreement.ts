import { MaskTally } from './mask-tally';
import { SpanGroups, type NumberedSpans } from './span-groups';
import type { AgreementResult } from './units';

/**
 * A level of agreement counted by number (the character and segment levels): documents come in
 * as numbered spans, each code's spans in a document are turned into units by the level
 * (`addGroup`), and units are counted in a MaskTally. Levels differ in what a code's spans make
 * and in whether a document is a unit of "nobody coded it" (`uncodedWeight`), as in the
 * accumulator's LevelRule (units.ts).
 */
export abstract class GroupedAgreement {
  protected readonly tally: MaskTally;
  protected readonly groups: SpanGroups;

  constructor(coders: number, codes: number) {
    this.tally = new MaskTally(coders, codes);
    this.groups = new SpanGroups(codes);
  }

  /**
   * One document of `length` characters; `covered` bit c: coder c's coding counts in it. Spans
   * of uncovered coders, of codes below 0, and those empty once clamped to the text are ignored.
   */
  addDocument(length: number, covered: number, spans: NumberedSpans): void {
    this.tally.addUncoded(covered, this.uncodedWeight(length));
    const g = this.groups;
    g.group(length, covered, spans);
    for (let k = 0; k < g.codes.length; k++)
      this.addGroup(g.codes[k]!, covered, g.from[k]!, g.from[k + 1]!);
  }

  /** The statistics per code (in the order of `codeIds`, one per code index) and pooled. */
  result(codeIds: readonly string[]): AgreementResult {
    const { overall, codes } = this.tally.result();
    return { overall, codes: new Map(codeIds.map((id, code) => [id, codes[code]!])) };
  }

  /** The units of a document's "nobody coded it" of every code: claimed by codes as coded. */
  protected abstract uncodedWeight(length: number): number;

  /** Adds the units of one code's spans `from` … `to` of `groups` in a document. */
  protected abstract addGroup(code: number, covered: number, from: number, to: number): void;
}
