/**
 * Runs `step` over `items`, handing the event loop back whenever `budgetMs` has passed. The API
 * has one thread and one SQLite connection: an aggregation over a million highlights done in one
 * go would hold every other request (a coder saving a highlight) for most of a second; in slices,
 * they wait a slice at most. Slices may see writes that landed between them: an analysis view is
 * a moment's picture, refreshed as coding goes on.
 */
export async function mapInSlices<T, R>(
  items: readonly T[],
  step: (item: T) => R,
  budgetMs = 10,
): Promise<R[]> {
  const results: R[] = [];
  let sliceStart = performance.now();
  for (const item of items) {
    results.push(step(item));
    if (performance.now() - sliceStart > budgetMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  return results;
}
