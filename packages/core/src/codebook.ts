import { compareText } from './collation';

/** Pure operations on the codebook tree: codes nest under parents (a parent is a theme). */

export interface CodeNode {
  id: string;
  parentId: string | null;
  name: string;
  position: number;
}

/** Every code below `codeId` (children, grandchildren, …), not including `codeId` itself. */
export function descendantIds(codes: readonly CodeNode[], codeId: string): Set<string> {
  const children = childrenByParent(codes);
  const out = new Set<string>();
  const stack = [codeId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const child of children.get(id) ?? []) {
      if (!out.has(child.id)) {
        out.add(child.id);
        stack.push(child.id);
      }
    }
  }
  return out;
}

/** True when putting `codeId` under `newParentId` would make a code its own ancestor. */
export function wouldCreateCycle(
  codes: readonly CodeNode[],
  codeId: string,
  newParentId: string | null,
): boolean {
  if (newParentId === null) return false;
  if (newParentId === codeId) return true;
  return descendantIds(codes, codeId).has(newParentId);
}

/**
 * Names compare ignoring case, Unicode composition (NFC) and runs of whitespace, for "duplicate
 * among siblings" checks. Accents stay significant: in Swedish, å is not a.
 */
export function sameCodeName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

export function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** The sibling of `parentId` named like `name`, ignoring `exceptId` (the code being renamed). */
export function findSiblingNamed<T extends CodeNode>(
  codes: readonly T[],
  parentId: string | null,
  name: string,
  exceptId?: string,
): T | undefined {
  return codes.find(
    (c) => c.parentId === parentId && c.id !== exceptId && sameCodeName(c.name, name),
  );
}

export function childrenByParent<T extends CodeNode>(codes: readonly T[]): Map<string | null, T[]> {
  const map = new Map<string | null, T[]>();
  for (const c of codes) {
    const list = map.get(c.parentId);
    if (list) list.push(c);
    else map.set(c.parentId, [c]);
  }
  for (const list of map.values()) {
    list.sort((a, b) => a.position - b.position || compareText(a.name, b.name));
  }
  return map;
}

/** Codes in display order (depth-first, siblings by position) with their depth. */
export function flattenTree<T extends CodeNode>(codes: readonly T[]): Array<T & { depth: number }> {
  const children = childrenByParent(codes);
  const out: Array<T & { depth: number }> = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const c of children.get(parentId) ?? []) {
      out.push({ ...c, depth });
      visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The parent, grandparent, … of `codeId` (not the code itself), nearest first. */
export function ancestorIds(codes: readonly CodeNode[], codeId: string | null): string[] {
  const parentOf = new Map(codes.map((c) => [c.id, c.parentId]));
  const out: string[] = [];
  for (
    let id = codeId ? parentOf.get(codeId) : null;
    id && !out.includes(id);
    id = parentOf.get(id)
  ) {
    out.push(id);
  }
  return out;
}

/**
 * Depth of each code in its tree (0 for a theme at the top), from rows that name their parent
 * (analysis and agreement rows). A parent not among the rows ends the walk; a cycle stops at 50.
 */
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

/** The codes among `rows` that have children: themes, shown bold. */
export function parentsOf(rows: ReadonlyArray<{ parentId: string | null }>) {
  return new Set(rows.map((r) => r.parentId).filter((p): p is string => p !== null));
}

/** The theme (top-level code) `codeId` sits under, or the code itself when it is a theme. */
export function themeOf<T extends { id: string; parentId: string | null }>(
  codes: readonly T[],
  codeId: string,
): T | undefined {
  const byId = new Map(codes.map((c) => [c.id, c]));
  let at = byId.get(codeId);
  while (at?.parentId && byId.has(at.parentId)) at = byId.get(at.parentId);
  return at;
}
