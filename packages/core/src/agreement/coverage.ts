import type { CoderInterval } from './document';

/** A maximal run of text over which every coder's coding of one code stays the same. */
export interface CoverageRun {
  start: number;
  end: number;
  /** coded[c]: the run lies inside coder c's coding (the union of their intervals). */
  coded: boolean[];
}

/**
 * Tiles [0, length) into maximal runs of constant coverage, sweeping over the sorted interval
 * boundaries: O(s log s) for s intervals, whatever the length of the text. Intervals must be
 * clamped to the text and non-empty (see `intervalsByCode`). An empty text has no runs.
 */
export function coverageRuns(
  length: number,
  coders: number,
  intervals: readonly CoderInterval[],
): CoverageRun[] {
  const events: Array<{ at: number; coder: number; delta: number }> = [];
  for (const { coder, start, end } of intervals) {
    events.push({ at: start, coder, delta: 1 }, { at: end, coder, delta: -1 });
  }
  events.sort((a, b) => a.at - b.at);
  // A depth rather than a flag, because one coder's intervals may overlap or repeat.
  const depth = new Array<number>(coders).fill(0);
  const runs: CoverageRun[] = [];
  let from = 0;
  for (const event of events) {
    if (event.at > from) {
      pushRun(runs, from, event.at, depth);
      from = event.at;
    }
    depth[event.coder]! += event.delta;
  }
  if (from < length) pushRun(runs, from, length, depth);
  return runs;
}

/** Appends [start, end), extending the last run instead when its coverage is the same. */
function pushRun(runs: CoverageRun[], start: number, end: number, depth: readonly number[]): void {
  const coded = depth.map((d) => d > 0);
  const last = runs.at(-1);
  if (last && last.end === start && last.coded.every((x, c) => x === coded[c])) last.end = end;
  else runs.push({ start, end, coded });
}
