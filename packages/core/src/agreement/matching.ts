import type { CoderInterval } from './document';

/** Intersection over union of two non-empty intervals, in [0, 1]. */
export function intersectionOverUnion(a: CoderInterval, b: CoderInterval): number {
  return iou(a.start, a.end, b.start, b.end);
}

/** `intersectionOverUnion` of [aStart, aEnd) and [bStart, bEnd), for callers holding numbers. */
export function iou(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const intersection = Math.min(aEnd, bEnd) - Math.max(aStart, bStart);
  if (intersection <= 0) return 0;
  return intersection / (Math.max(aEnd, bEnd) - Math.min(aStart, bStart));
}

/**
 * Matches the segments (highlights) of different coders, MAXQDA style: two segments match when
 * their intersection over union is at least `threshold` (0 < threshold ≤ 1). Candidate pairs are
 * taken best first (ties by position) and merged into clusters holding at most one segment per
 * coder; a merge that would give a coder two segments in one cluster is skipped, so the greedy
 * result is maximal: any candidate pair left across two clusters shares a coder.
 *
 * Returns every cluster, singletons included, as indices into `segments` (ascending), clusters
 * ordered by their first segment in text order. Time is O(p log p) for p candidate pairs, plus
 * the scan that finds them, which only looks ahead as far as a match is still possible.
 */
export function matchSegments(segments: readonly CoderInterval[], threshold: number): number[][] {
  checkThreshold(threshold);
  const order = segments
    .map((_, i) => i)
    .sort((i, j) => compareSegments(segments[i]!, segments[j]!) || i - j);
  const sorted = order.map((i) => segments[i]!);
  const clusters = new Clusters(sorted.map((s) => s.coder));
  for (const [i, j] of candidatePairs(sorted, threshold)) clusters.tryUnion(i, j);
  return clusters.groups().map((group) => group.map((k) => order[k]!).sort((a, b) => a - b));
}

/** Throws a RangeError unless 0 < threshold ≤ 1: at 0 every pair would match, even disjoint. */
export function checkThreshold(threshold: number): void {
  if (!(threshold > 0 && threshold <= 1)) {
    throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
  }
}

function compareSegments(a: CoderInterval, b: CoderInterval): number {
  return a.start - b.start || a.end - b.end || a.coder - b.coder;
}

/** Pairs (i < j, positions in `sorted`) of different coders that match, best match first. */
function candidatePairs(
  sorted: readonly CoderInterval[],
  threshold: number,
): Array<[number, number]> {
  const pairs: Array<{ iou: number; i: number; j: number }> = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      // b starts at or after a, so IoU ≤ (a.end − b.start) / |a|, which only falls as j grows.
      // Rounding is monotonic, so comparing the rounded bound with the threshold is safe.
      if ((a.end - b.start) / (a.end - a.start) < threshold) break;
      if (a.coder === b.coder) continue;
      const iou = intersectionOverUnion(a, b);
      if (iou >= threshold) pairs.push({ iou, i, j });
    }
  }
  pairs.sort((p, q) => q.iou - p.iou || p.i - q.i || p.j - q.j);
  return pairs.map(({ i, j }) => [i, j]);
}

/** Union-find whose sets may never hold two elements of the same coder. */
class Clusters {
  private readonly parent: number[];
  private readonly coders: Array<Set<number>>;

  constructor(coderOf: readonly number[]) {
    this.parent = coderOf.map((_, i) => i);
    this.coders = coderOf.map((c) => new Set([c]));
  }

  tryUnion(i: number, j: number): void {
    let a = this.find(i);
    let b = this.find(j);
    if (a === b) return;
    const codersA = this.coders[a]!;
    const codersB = this.coders[b]!;
    for (const c of codersB) if (codersA.has(c)) return;
    if (codersA.size < codersB.size) [a, b] = [b, a];
    for (const c of this.coders[b]!) this.coders[a]!.add(c);
    this.parent[b] = a;
  }

  /** Element positions per set, each ascending, sets ordered by their smallest element. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i++) {
      const root = this.find(i);
      const group = byRoot.get(root);
      if (group) group.push(i);
      else byRoot.set(root, [i]);
    }
    return [...byRoot.values()];
  }

  private find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    // Path compression keeps later finds near constant time.
    while (this.parent[i] !== root) [this.parent[i], i] = [root, this.parent[i]!];
    return root;
  }
}
