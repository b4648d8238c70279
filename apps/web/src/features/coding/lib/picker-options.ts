import type { Code } from '@kodbok/contracts';
import { flattenTree, sameCodeName } from '@kodbok/core';

export type PickerOption =
  | { kind: 'code'; code: Code; theme: string | null }
  | { kind: 'create'; name: string }
  | { kind: 'invivo'; name: string };

/**
 * The picker's list: matching codes (recently used first, then codebook order), then "Create
 * code" when the typed name is new, then "In-vivo code" from the selected words; those two only
 * for a member who may change the codebook (`canCreate`), who alone would not be refused.
 */
export function pickerOptions(
  codes: readonly Code[],
  query: string,
  recentIds: readonly string[],
  inVivo: string,
  canCreate = true,
): PickerOption[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const needle = query.trim().toLocaleLowerCase();
  const ordered = flattenTree(codes);
  const rank = (c: Code) => {
    const r = recentIds.indexOf(c.id);
    return r === -1 ? recentIds.length : r;
  };
  const matches = ordered
    .filter((c) => !needle || c.name.toLocaleLowerCase().includes(needle))
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }): PickerOption => {
      const parent = c.parentId ? byId.get(c.parentId) : undefined;
      return { kind: 'code', code: c, theme: parent?.name ?? null };
    });
  const options = matches;
  if (!canCreate) return options;
  const name = query.trim();
  if (name && !codes.some((c) => sameCodeName(c.name, name)))
    options.push({ kind: 'create', name });
  if (inVivo) options.push({ kind: 'invivo', name: inVivo });
  return options;
}
