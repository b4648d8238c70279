import { coverageRuns } from './coverage';
import { checkDocument, intervalsByCode, type CodedDocument } from './document';
import { disagreements, type Disagreement } from './disagreements';

/** A half-open stretch of text, [start, end) in UTF-16 code units. */
export interface Stretch {
  start: number;
  end: number;
}

/**
 * The union of stretches as sorted, disjoint stretches. Stretches that touch are joined too:
 * [0, 5) and [5, 9) are one passage to a reader, so the consensus stores them as one.
 */
export function mergeStretches(stretches: readonly Stretch[]): Stretch[] {
  const sorted = stretches.filter((s) => s.start < s.end).sort((a, b) => a.start - b.start);
  const out: Stretch[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** One disagreement to resolve: the stretch of one code the coders coded differently. */
export interface DisagreementRegion extends Stretch {
  codeId: string;
  /** Where inside the region the coders differ, and how (coded per coder). */
  runs: Disagreement[];
}

/**
 * The document's disagreements grouped into regions: for each code, a region is one connected
 * stretch of the covered coders' coding (their spans joined) holding at least one disagreement
 * run. A supervisor decides a region at a time ("take A's version of this passage"), since its
 * runs are the edges of the same passages. Sorted by start, then by the order of `codeIds`.
 */
export function disagreementRegions(
  doc: CodedDocument,
  codeIds: readonly string[],
): DisagreementRegion[] {
  const runs = disagreements(doc, codeIds);
  const byCode = intervalsByCode(doc, new Set(codeIds));
  const regions: DisagreementRegion[] = [];
  for (const codeId of codeIds) {
    const own = runs.filter((r) => r.codeId === codeId);
    if (own.length === 0) continue;
    for (const passage of mergeStretches(byCode.get(codeId) ?? [])) {
      const inside = own.filter((r) => r.start >= passage.start && r.end <= passage.end);
      if (inside.length > 0) regions.push({ codeId, ...passage, runs: inside });
    }
  }
  return regions.sort((a, b) => a.start - b.start);
}

/** Per code, the stretches every covered coder coded: what "copy agreed coding" takes. */
export function agreedStretches(
  doc: CodedDocument,
  codeIds: readonly string[],
): Map<string, Stretch[]> {
  checkDocument(doc, doc.coders);
  const covered = doc.covered.flatMap((isCovered, c) => (isCovered ? [c] : []));
  const out = new Map<string, Stretch[]>();
  if (covered.length < 2) return out;
  for (const [codeId, intervals] of intervalsByCode(doc, new Set(codeIds))) {
    const agreed = coverageRuns(doc.length, doc.coders, intervals)
      .filter((run) => covered.every((c) => run.coded[c]))
      .map(({ start, end }) => ({ start, end }));
    if (agreed.length > 0) out.set(codeId, mergeStretches(agreed));
  }
  return out;
}

/**
 * The consensus coding of one code after setting `region` to `chosen`: the consensus stretches
 * that overlap or touch the region (`near`) keep their parts outside it, the region gets the
 * chosen stretches (clipped to it), and what touches is joined. The caller replaces `near` with
 * the result.
 */
export function rewriteRegion(
  near: readonly Stretch[],
  region: Stretch,
  chosen: readonly Stretch[],
): Stretch[] {
  const outside = near.flatMap((s) => [
    { start: s.start, end: Math.min(s.end, region.start) },
    { start: Math.max(s.start, region.end), end: s.end },
  ]);
  const inside = chosen.map((s) => ({
    start: Math.max(s.start, region.start),
    end: Math.min(s.end, region.end),
  }));
  return mergeStretches([...outside, ...inside]);
}
