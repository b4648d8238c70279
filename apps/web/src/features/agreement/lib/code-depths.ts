/** Depth of each code in its tree (0 at the top), from the rows' parent links; cycles stop at 50. */
export function codeDepths(rows: ReadonlyArray<{ codeId: string; parentId: string | null }>) {
  const parent = new Map(rows.map((r) => [r.codeId, r.parentId]));
  const depth = new Map<string, number>();
  for (const r of rows) {
    let d = 0;
    for (let p = r.parentId; p && parent.has(p) && d < 50; p = parent.get(p) ?? null) d++;
    depth.set(r.codeId, d);
  }
  return depth;
}
