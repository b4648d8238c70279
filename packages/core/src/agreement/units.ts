import { coverageRuns } from './coverage';
import { checkDocument, intervalsByCode, unitValues, type CodedDocument } from './document';
import type { CoderInterval } from './document';
import { checkThreshold, matchSegments } from './matching';
import { agreementStats, type AgreementStats } from './statistics';
import { addUnit, createTally, mergeTally, type AgreementTally } from './tally';

/**
 * What one unit of analysis is; every level judges each code separately, as coded (1) or not
 * coded (0), so there are two categories.
 *
 * - `document`: one unit per document and code: did the coder apply the code anywhere in it?
 *   A code nobody applied is a unit of agreement on its absence.
 * - `character` (as NVivo): one unit per character and code: is the character inside the coder's
 *   coding of the code (their spans unioned)? Text nobody coded counts as agreement. Empty
 *   documents contribute nothing.
 * - `segment` (as MAXQDA): each highlight is a segment; segments of different coders whose
 *   intersection over union reaches the threshold are matched (see `matchSegments`), and each
 *   cluster, singletons included, is a unit. There are no "nobody coded" units at this level, so
 *   every chance-corrected figure except Brennan–Prediger's (which assumes uniform chance) is
 *   conservative here, often near or below 0 even when coders mostly agree.
 */
export type AgreementLevel = 'document' | 'character' | 'segment';

export interface AgreementOptions {
  /** Number of coders (an integer ≥ 1); coder indices run from 0. */
  coders: number;
  /** Codes to judge, in the order results are reported; spans of other codes are ignored. */
  codeIds: readonly string[];
  level: AgreementLevel;
  /** Segment level only: the intersection over union at which two segments match, in (0, 1]. */
  threshold?: number;
}

export interface AgreementResult {
  /** Pools the (unit, code) decisions of every code. */
  overall: AgreementStats;
  /** Per code, in the order of `codeIds`. */
  codes: Map<string, AgreementStats>;
}

/** Takes documents one at a time and keeps only a tally of unit patterns per code. */
export interface AgreementAccumulator {
  addDocument(doc: CodedDocument): void;
  result(): AgreementResult;
}

/** The segment-level default: MAXQDA's suggested 90 % overlap. */
export const DEFAULT_SEGMENT_THRESHOLD = 0.9;

/**
 * An accumulator of inter-coder agreement over documents fed one by one (the server streams them
 * from the database). Memory is one tally per code, bounded by the distinct coded/not-coded
 * patterns (at most 3^coders each), whatever the number or size of documents. Per document,
 * time is O(s log s) for its s spans at the document and character levels; the segment level
 * adds the candidate pairs, which only grows beyond linear when many segments nearly coincide.
 */
export function createAgreementAccumulator(opts: AgreementOptions): AgreementAccumulator {
  const { coders, codeIds, level } = opts;
  const threshold = opts.threshold ?? DEFAULT_SEGMENT_THRESHOLD;
  const tallies = new Map(codeIds.map((id) => [id, createTally(coders)]));
  // Most codes are absent from most documents, and a document's "nobody coded it" unit is the
  // same for every code it lacks. So it is added once per document to `absent` (as if for every
  // code), and once to `skipped` of each code the document does have; a code's share is then
  // absent − skipped. Per document the work follows its spans, not the size of the codebook.
  const absent = createTally(coders);
  const skipped = new Map(codeIds.map((id) => [id, createTally(coders)]));
  const wanted = new Set(codeIds);
  checkThreshold(threshold); // Now, not at the first document.
  const { addCoded, uncodedWeight } = LEVELS[level];
  return {
    addDocument(doc) {
      checkDocument(doc, coders);
      const nobody = unitValues(doc.covered, () => false);
      const weight = uncodedWeight(doc);
      addUnit(absent, nobody, weight);
      for (const [codeId, intervals] of intervalsByCode(doc, wanted)) {
        addCoded(tallies.get(codeId)!, doc, intervals, threshold);
        addUnit(skipped.get(codeId)!, nobody, weight);
      }
    },
    result() {
      const overall = createTally(coders);
      const codes = new Map<string, AgreementStats>();
      for (const [codeId, coded] of tallies) {
        const tally = createTally(coders);
        mergeTally(tally, coded);
        for (const [key, unit] of absent.patterns) {
          const weight = unit.weight - (skipped.get(codeId)!.patterns.get(key)?.weight ?? 0);
          addUnit(tally, unit.values, weight);
        }
        mergeTally(overall, tally);
        codes.set(codeId, agreementStats(tally, 2));
      }
      return { overall: agreementStats(overall, 2), codes };
    },
  };
}

/** How a level turns one document's coding of one code into units. */
interface LevelRule {
  /** Adds the units of a code that some covered coder applied, given its intervals. */
  addCoded(
    tally: AgreementTally,
    doc: CodedDocument,
    intervals: readonly CoderInterval[],
    threshold: number,
  ): void;
  /** The weight of the one "nobody coded it" unit of a code no covered coder applied. */
  uncodedWeight(doc: CodedDocument): number;
}

const LEVELS: Record<AgreementLevel, LevelRule> = {
  document: {
    addCoded(tally, doc, intervals) {
      const applied = new Set(intervals.map((s) => s.coder));
      const values = unitValues(doc.covered, (c) => applied.has(c));
      addUnit(tally, values);
    },
    uncodedWeight: () => 1,
  },
  character: {
    addCoded(tally, doc, intervals) {
      // A code's runs in one document repeat few patterns (who coded): sum their lengths per
      // pattern first, so the tally sees one unit per pattern, not one per run. Patterns are bit
      // masks while the coders fit in one; past that, each run goes in as it is.
      const runs = coverageRuns(doc.length, doc.coders, intervals);
      if (doc.coders > 30) {
        for (const { start, end, coded } of runs)
          addUnit(
            tally,
            unitValues(doc.covered, (c) => coded[c]!),
            end - start,
          );
        return;
      }
      const lengths = new Map<number, number>();
      for (const { start, end, coded } of runs) {
        let mask = 0;
        for (let c = 0; c < coded.length; c++) if (coded[c]) mask |= 1 << c;
        lengths.set(mask, (lengths.get(mask) ?? 0) + end - start);
      }
      for (const [mask, length] of lengths)
        addUnit(
          tally,
          unitValues(doc.covered, (c) => ((mask >> c) & 1) === 1),
          length,
        );
    },
    uncodedWeight: (doc) => doc.length,
  },
  segment: {
    addCoded(tally, doc, intervals, threshold) {
      for (const cluster of matchSegments(intervals, threshold)) {
        const coders = new Set(cluster.map((k) => intervals[k]!.coder));
        const values = unitValues(doc.covered, (c) => coders.has(c));
        addUnit(tally, values);
      }
    },
    // Segments are highlights, so where nobody highlighted there is no unit.
    uncodedWeight: () => 0,
  },
};
