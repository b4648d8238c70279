/**
 * How studies are handed out: every chosen coder codes every study, each study to one of them
 * (split evenly), or each study to N of them.
 */
export type Distribution = { kind: 'all' } | { kind: 'split' } | { kind: 'perStudy'; n: number };

/** The request's codersPerStudy: omitted for "all of them". */
export function codersPerStudy(distribution: Distribution): number | undefined {
  if (distribution.kind === 'all') return undefined;
  return distribution.kind === 'split' ? 1 : Math.floor(distribution.n);
}

export interface SplitPreview {
  /** Coders per study as the request will ask (capped at the coders chosen). */
  perStudy: number;
  /** Assignments the request will make at most (ones that exist already are kept). */
  total: number;
  /** Fewest and most studies one coder gets. */
  min: number;
  max: number;
  /** Studies per coder, in the order the coders were given. */
  perCoder: number[];
  problem: string | null;
}

/**
 * What an assignment will do, before it is made. Rotating N coders per study over C coders
 * (study i to coders iN … iN+N−1, modulo C) hands out S·N places in turn, so each coder gets
 * ⌊S·N/C⌋ studies and the first S·N mod C one more: the load differs by one at most.
 */
export function splitPreview(
  studies: number,
  coders: number,
  distribution: Distribution,
): SplitPreview {
  const empty = { perStudy: 0, total: 0, min: 0, max: 0, perCoder: [] };
  if (studies === 0) return { ...empty, problem: 'Choose the studies to assign.' };
  if (coders === 0) return { ...empty, problem: 'Choose at least one coder.' };
  const n = codersPerStudy(distribution) ?? coders;
  if (!(n >= 1)) return { ...empty, problem: 'Each study needs at least one coder.' };
  if (n > coders) {
    return {
      ...empty,
      problem: `Each study can go to at most ${coders} ${coders === 1 ? 'coder' : 'coders'}: the ones chosen.`,
    };
  }
  const total = studies * n;
  const base = Math.floor(total / coders);
  const extra = total % coders;
  const perCoder = Array.from({ length: coders }, (_, k) => base + (k < extra ? 1 : 0));
  return {
    perStudy: n,
    total,
    min: base,
    max: base + (extra > 0 ? 1 : 0),
    perCoder,
    problem: null,
  };
}

/** "Each coder gets 6 or 7 studies; each study is coded by 2 (40 assignments)." */
export function previewSentence(p: SplitPreview): string {
  const load = p.min === p.max ? `${p.min}` : `${p.min} or ${p.max}`;
  const studies = p.max === 1 ? 'study' : 'studies';
  const each = p.perStudy === 1 ? 'one coder' : `${p.perStudy} coders`;
  return `Each coder gets ${load} ${studies}; each study is coded by ${each} (${p.total.toLocaleString('en')} ${p.total === 1 ? 'assignment' : 'assignments'}).`;
}
