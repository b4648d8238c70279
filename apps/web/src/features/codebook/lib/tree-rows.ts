import type { Code } from '@kodbok/contracts';
import { childrenByParent, flattenTree } from '@kodbok/core';

export interface TreeRow {
  code: Code;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
  /** Highlights on this code and every code below it: what a theme "holds". */
  total: number;
  /** 1-based position among its siblings, and how many siblings: aria-posinset/setsize. */
  position: number;
  siblings: number;
}

/**
 * The visible rows of the codebook tree, in display order. A filter shows matching codes with
 * their ancestors (so a match keeps its context) and ignores collapsed branches.
 */
export function treeRows(
  codes: readonly Code[],
  collapsed: ReadonlySet<string>,
  filter: string,
): TreeRow[] {
  const children = childrenByParent(codes);
  const byId = new Map(codes.map((c) => [c.id, c]));
  const totals = new Map<string, number>();
  const total = (c: Code): number => {
    const known = totals.get(c.id);
    if (known !== undefined) return known;
    const sum = c.highlightCount + (children.get(c.id) ?? []).reduce((n, k) => n + total(k), 0);
    totals.set(c.id, sum);
    return sum;
  };
  const needle = filter.trim().toLocaleLowerCase();
  const shown = needle ? matchingWithAncestors(codes, byId, needle) : null;
  const rows: TreeRow[] = [];
  const hidden = new Set<string>();
  for (const c of flattenTree(codes)) {
    if (shown && !shown.has(c.id)) continue;
    if (c.parentId && hidden.has(c.parentId)) {
      hidden.add(c.id);
      continue;
    }
    const siblings = children.get(c.parentId) ?? [];
    const hasChildren = (children.get(c.id)?.length ?? 0) > 0;
    const expanded = hasChildren && (shown !== null || !collapsed.has(c.id));
    if (hasChildren && !expanded) hidden.add(c.id);
    rows.push({
      code: byId.get(c.id)!,
      depth: c.depth,
      hasChildren,
      expanded,
      total: total(c),
      position: siblings.findIndex((s) => s.id === c.id) + 1,
      siblings: siblings.length,
    });
  }
  return rows;
}

function matchingWithAncestors(
  codes: readonly Code[],
  byId: ReadonlyMap<string, Code>,
  needle: string,
): Set<string> {
  const out = new Set<string>();
  for (const c of codes) {
    const hay = `${c.name} ${c.description} ${c.keywords.join(' ')}`.toLocaleLowerCase();
    if (!hay.includes(needle)) continue;
    for (
      let p: Code | undefined = c;
      p && !out.has(p.id);
      p = p.parentId ? byId.get(p.parentId) : undefined
    ) {
      out.add(p.id);
    }
  }
  return out;
}
