import type { Highlight } from '@kodbok/contracts';

/*
 * How a coding action changes the document's cached highlights before and after the server
 * answers. Coding a span the same coder already has adds the codes to that highlight, on the
 * server (it answers 200 with it) and here, so no second highlight ever flashes on screen.
 */

/** The same coder's highlight of exactly this span, if the document has one. */
export function sameSpanOf(
  highlights: readonly Highlight[],
  span: Pick<Highlight, 'coderId' | 'start' | 'end'>,
): Highlight | undefined {
  return highlights.find(
    (h) => h.coderId === span.coderId && h.start === span.start && h.end === span.end,
  );
}

/** `codeIds` then `more`, each once, in that order (as the server adds them). */
export function unionCodes(codeIds: readonly string[], more: readonly string[]): string[] {
  return [...codeIds, ...more.filter((c) => !codeIds.includes(c))];
}

/**
 * The highlights with `optimistic` shown: added, or merged into the coder's own highlight of the
 * same span. `merged` is that highlight as it was, to put back if the server refuses.
 */
export function showOptimistic(
  highlights: readonly Highlight[],
  optimistic: Highlight,
): { highlights: Highlight[]; merged: Highlight | undefined } {
  const same = sameSpanOf(highlights, optimistic);
  if (!same) return { highlights: [...highlights, optimistic], merged: undefined };
  const memo = same.memo ?? optimistic.memo;
  const codeIds = unionCodes(same.codeIds, optimistic.codeIds);
  return {
    highlights: highlights.map((h) => (h === same ? { ...h, codeIds, memo } : h)),
    merged: same,
  };
}

/**
 * The highlights once the server answered with `saved`: it takes the place of the optimistic
 * highlight, or of the one it was merged into, never both.
 */
export function showSaved(
  highlights: readonly Highlight[],
  optimisticId: string,
  saved: Highlight,
): Highlight[] {
  let placed = false;
  const out: Highlight[] = [];
  for (const h of highlights) {
    if (h.id !== optimisticId && h.id !== saved.id) out.push(h);
    else if (!placed) {
      out.push(saved);
      placed = true;
    }
  }
  if (!placed) out.push(saved);
  return out;
}

/** The highlights after a refused coding: the optimistic one gone, a merged one as it was. */
export function showRefused(
  highlights: readonly Highlight[],
  optimisticId: string,
  merged: Highlight | undefined,
): Highlight[] {
  return highlights
    .filter((h) => h.id !== optimisticId)
    .map((h) => (merged && h.id === merged.id ? merged : h));
}
