/** A highlight as co-occurrence by overlap reads it: where it lies and its rolled-up codes. */
export interface PlacedCoding extends Placed {
  codes: readonly string[];
}

/** How many units two codes share: a ≤ b as strings, as the other co-occurrence modes give them. */
export interface CodePair {
  a: string;
  b: string;
  count: number;
}

/**
 * Co-occurrence by overlap: for each unordered pair of highlights of one document that overlap
 * (each overlaps itself), every pair of codes with one on each counts that pair of highlights
 * once. `highlights` must come a document at a time, by start within a document: each document
 * is swept as its last highlight passes, so only one document's are held (a theme's 50,000
 * highlights at a million, held at once, took the read worker's memory past the server's 300 MB),
 * and a highlight meets only those that start before it ends (a self-join in SQL took 1–4 s).
 */
export function overlapPairs(highlights: Iterable<PlacedCoding>): CodePair[] {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  sweepOverlaps(highlights, (p, q) => {
    seen.clear();
    for (const x of p.codes)
      for (const y of q.codes) {
        const key = x <= y ? `${x} ${y}` : `${y} ${x}`;
        if (seen.has(key)) continue;
        seen.add(key);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
  });
  return [...counts].map(([key, count]) => {
    const [a, b] = key.split(' ') as [string, string];
    return { a, b, count };
  });
}

/** Where a highlight lies: `document` is any key its document's highlights share. */
export interface Placed {
  document: number;
  start: number;
  end: number;
}

/**
 * Calls `pair` once for each unordered pair of highlights of one document that overlap, a
 * highlight with itself included. `highlights` come a document at a time, by start within one.
 */
export function sweepOverlaps<T extends Placed>(
  highlights: Iterable<T>,
  pair: (p: T, q: T) => void,
): void {
  const sweep = (document: readonly T[]) => {
    for (let i = 0; i < document.length; i++) {
      const p = document[i]!;
      for (let j = i; j < document.length; j++) {
        const q = document[j]!;
        // By start: no later highlight of the document starts before p ends.
        if (q.start >= p.end) break;
        if (p.start < q.end) pair(p, q);
      }
    }
  };
  let document: T[] = [];
  for (const h of highlights) {
    if (document.length > 0 && h.document !== document[0]!.document) {
      sweep(document);
      document = [];
    }
    document.push(h);
  }
  sweep(document);
}
