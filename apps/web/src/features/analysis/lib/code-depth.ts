/** Depth of each code in its tree (0 for a theme at the top), from the rows' parent links. */
export function depthsOf(rows: ReadonlyArray<{ codeId: string; parentId: string | null }>) {
  const parent = new Map(rows.map((r) => [r.codeId, r.parentId]));
  const depth = new Map<string, number>();
  for (const r of rows) {
    let d = 0;
    for (let p = r.parentId; p && parent.has(p) && d < 50; p = parent.get(p) ?? null) d++;
    depth.set(r.codeId, d);
  }
  return depth;
}

/** Codes with children are themes (shown bold). */
export function parentsOf(rows: ReadonlyArray<{ parentId: string | null }>) {
  return new Set(rows.map((r) => r.parentId).filter((p): p is string => p !== null));
}
