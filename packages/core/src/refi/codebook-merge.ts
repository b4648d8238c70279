import { sameCodeName, type CodeNode } from '../codebook';
import { NoticeList, type RefiNotice } from './errors';
import { planCodes, type CodeTreeNode, type PlannedCode } from './plan-codes';

/** A code of the file that is new to the project, and where it goes. */
export interface CodeToAdd extends PlannedCode {
  /** "Theme › Code": where it will sit. */
  path: string;
  /** The existing code it goes under; null when its parent is new too (see parentKey) or at the top. */
  parentId: string | null;
}

export interface CodebookMerge {
  /** Codes of the file found in the project (same name under the same parent). */
  matched: Array<{ path: string; codeId: string }>;
  /** New codes, parents before children. */
  added: CodeToAdd[];
  notices: RefiNotice[];
}

/**
 * Merges a codebook file into a project's codebook: a code whose name (ignoring case and
 * spacing, as sibling names compare) is taken under the same parent is the same code and is
 * left as it is; every other code is added, under its matched or new parent. Nothing in the
 * project changes name or place.
 */
export function mergeCodebook(
  existing: readonly CodeNode[],
  roots: readonly CodeTreeNode[],
  notices: RefiNotice[] = [],
): CodebookMerge {
  const list = new NoticeList();
  for (const n of notices) list.add(n.what, n.why);
  const { codes } = planCodes(roots, list);
  const matchedId = new Map<string, string>();
  const pathOf = new Map<string, string>();
  const matched: CodebookMerge['matched'] = [];
  const added: CodeToAdd[] = [];
  // The next free position under each existing parent: new codes go after the old ones.
  const position = new Map<string | null, number>();
  for (const c of existing)
    position.set(c.parentId, Math.max(position.get(c.parentId) ?? 0, c.position + 1));
  for (const code of codes) {
    const parentPath = code.parentKey ? pathOf.get(code.parentKey)! : null;
    const path = parentPath ? `${parentPath} › ${code.name}` : code.name;
    pathOf.set(code.key, path);
    const parentIsNew = code.parentKey !== null && !matchedId.has(code.parentKey);
    const parentId = code.parentKey === null ? null : (matchedId.get(code.parentKey) ?? null);
    const same = parentIsNew
      ? undefined
      : existing.find((c) => c.parentId === parentId && sameCodeName(c.name, code.name));
    if (same) {
      matchedId.set(code.key, same.id);
      matched.push({ path, codeId: same.id });
      continue;
    }
    const at = parentIsNew ? code.position : (position.get(parentId) ?? 0);
    if (!parentIsNew) position.set(parentId, at + 1);
    added.push({
      ...code,
      parentKey: parentIsNew ? code.parentKey : null,
      parentId,
      path,
      position: at,
    });
  }
  return { matched, added, notices: list.list() };
}
