import { sameCodeName } from '../codebook';
import { nextColor } from '../palette';
import type { NoticeList } from './errors';

/** A code as a codebook file describes it, nested. */
export interface CodeTreeNode {
  /** The file's identifier for the code (a GUID key, a CSV id), unique or not. */
  ref: string;
  name: string;
  color: string | null;
  description: string;
  codable: boolean;
  keywords?: string[];
  children: CodeTreeNode[];
}

/** A code to create, in tree order (a parent before its children). */
export interface PlannedCode {
  key: string;
  parentKey: string | null;
  name: string;
  /** `#RRGGBB`. */
  color: string;
  description: string;
  keywords: string[];
  position: number;
  depth: number;
}

export const CODE_NAME_MAX = 200;
export const DESCRIPTION_MAX = 10_000;

/** `#RGB` or `#RRGGBB` in any case as `#RRGGBB` upper case; null for anything else. */
export function normaliseColor(value: string | null): string | null {
  const v = value?.trim() ?? '';
  if (/^#[0-9a-f]{6}$/i.test(v)) return v.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(v)) {
    return `#${[...v.slice(1)].map((c) => c + c).join('')}`.toUpperCase();
  }
  return null;
}

/** Cuts `text` to `max` UTF-16 units without splitting a surrogate pair, marking the cut with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * Flattens a codebook tree into the codes to create: names trimmed and cut to Kodbok's limit,
 * an empty name called "Unnamed code", a name used twice among siblings given " (2)", missing
 * colours taken from the palette. `keyOf` gives each code a unique key (files can repeat ids).
 * What was changed is noted in `notices`.
 */
export function planCodes(
  roots: readonly CodeTreeNode[],
  notices: NoticeList,
): { codes: PlannedCode[]; keyOf: Map<CodeTreeNode, string> } {
  const codes: PlannedCode[] = [];
  const keyOf = new Map<CodeTreeNode, string>();
  const used = new Set<string>();
  let uncoloured = 0;
  let notCodable = 0;
  const walk = (nodes: readonly CodeTreeNode[], parentKey: string | null, depth: number) => {
    const siblings: string[] = [];
    nodes.forEach((node, position) => {
      let key = node.ref || `code-${codes.length + 1}`;
      while (used.has(key)) key = `${key}#`;
      used.add(key);
      keyOf.set(node, key);
      const name = uniqueName(siblingName(node.name, notices), siblings, notices);
      siblings.push(name);
      const color = normaliseColor(node.color);
      if (!color) uncoloured++;
      if (!node.codable) notCodable++;
      codes.push({
        key,
        parentKey,
        name,
        color: color ?? nextColor(codes.length),
        description: clip(node.description.trim(), DESCRIPTION_MAX),
        keywords: keywordsOf(node.keywords ?? []),
        position,
        depth,
      });
      walk(node.children, key, depth + 1);
    });
  };
  walk(roots, null, 0);
  if (uncoloured > 0) {
    notices.add(
      `${uncoloured} code(s) without a readable colour`,
      "given colours from Kodbok's palette",
    );
  }
  if (notCodable > 0) {
    notices.add(
      `${notCodable} code(s) marked not codable (isCodable="false")`,
      'imported as ordinary codes: in Kodbok any code can be applied',
    );
  }
  return { codes, keyOf };
}

function siblingName(raw: string, notices: NoticeList): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (!name) {
    notices.add('A code without a name', 'imported as "Unnamed code"');
    return 'Unnamed code';
  }
  if (name.length > CODE_NAME_MAX) {
    notices.add(`Code "${clip(name, 60)}"`, `name cut to ${CODE_NAME_MAX} characters`);
    return clip(name, CODE_NAME_MAX);
  }
  return name;
}

function uniqueName(name: string, siblings: readonly string[], notices: NoticeList): string {
  if (!siblings.some((s) => sameCodeName(s, name))) return name;
  let n = 2;
  let candidate = `${name} (${n})`;
  while (siblings.some((s) => sameCodeName(s, candidate))) candidate = `${name} (${++n})`;
  notices.add(
    `Code "${name}"`,
    `renamed "${candidate}": Kodbok needs sibling codes to have different names`,
  );
  return candidate;
}

/** Keywords as Kodbok keeps them: trimmed, non-empty, distinct, at most 100 of 100 characters. */
function keywordsOf(keywords: readonly string[]): string[] {
  const out = [...new Set(keywords.map((k) => k.trim().slice(0, 100)).filter(Boolean))];
  return out.slice(0, 100);
}
