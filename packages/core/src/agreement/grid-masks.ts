import { popcount } from '../counts/counts-scans';

/*
 * The study grid of agreement (who applied which code in each study) over numbers: studies,
 * documents, codes and coders are indices and a set of coders is a bit mask (bit c: coder c), so
 * ten thousand studies are summed up without an object per study or per code.
 */

/** Who applied which code where: (code, document, coder) triples, each code's together. */
export interface GridInput {
  /** Per study, the coders who cover it (coded in it, were assigned it, or reconciled it). */
  studyMask: Uint32Array;
  /** Per document, its study (-1: not one of the studies). */
  docStudy: Int32Array;
  applied: Uint32Array;
}

/**
 * Per study, how many codes its covering coders disagree on: codes some covering coder applied
 * in one of its documents and another did not. A study with fewer than two covering coders has
 * none. A coder's codings where they do not cover the study are not looked at.
 */
export function disagreementsByStudy({ studyMask, docStudy, applied }: GridInput): Uint32Array {
  const out = new Uint32Array(studyMask.length);
  const seen = new Uint32Array(studyMask.length);
  const touched: number[] = [];
  const closeCode = () => {
    for (const s of touched) {
      if (seen[s] !== studyMask[s] && popcount(studyMask[s]!) >= 2) out[s]!++;
      seen[s] = 0;
    }
    touched.length = 0;
  };
  for (let i = 0; i < applied.length; i += 3) {
    if (i > 0 && applied[i] !== applied[i - 3]) closeCode();
    const s = docStudy[applied[i + 1]!]!;
    if (s < 0) continue;
    const coder = (1 << applied[i + 2]!) & studyMask[s]!;
    if (coder === 0) continue;
    if (seen[s] === 0) touched.push(s);
    seen[s]! |= coder;
  }
  closeCode();
  return out;
}

/**
 * The cells of some studies (a page of the grid): per study asked, each code some covering coder
 * applied there, ascending, with the mask of those who did.
 */
export function cellsOfStudies(
  input: GridInput,
  studies: readonly number[],
): Array<Array<{ code: number; coders: number }>> {
  const { studyMask, docStudy, applied } = input;
  const row = new Map(studies.map((s, i) => [s, i]));
  const masks = studies.map(() => new Map<number, number>());
  for (let i = 0; i < applied.length; i += 3) {
    const s = docStudy[applied[i + 1]!]!;
    const r = s < 0 ? undefined : row.get(s);
    if (r === undefined) continue;
    const coder = (1 << applied[i + 2]!) & studyMask[s]!;
    if (coder === 0) continue;
    const code = applied[i]!;
    masks[r]!.set(code, (masks[r]!.get(code) ?? 0) | coder);
  }
  return masks.map((m) =>
    [...m].sort(([a], [b]) => a - b).map(([code, coders]) => ({ code, coders })),
  );
}
