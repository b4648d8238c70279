import type { Role } from '@kodbok/contracts';
import { can } from '../../../lib/policy';

/**
 * Whose coding the workspace shows: everyone's (all the caller may see), or the coding of some
 * coders, by user id. "Only my coding" is my own id alone; the consensus coding is the coder id
 * `consensus` (CONSENSUS_CODER_ID), chosen like any coder.
 */
export type CoderChoice = { kind: 'all' } | { kind: 'coders'; ids: readonly string[] };

export const EVERYONE: CoderChoice = { kind: 'all' };

/** What decides which choices a member has. */
export interface ChoiceScope {
  role: Role;
  independentCoding: boolean;
  meId: string;
  /**
   * Coder ids an owner or supervisor may pick: coding members and the consensus; null while the
   * members are loading (a stored choice is trusted until they are known).
   */
  coderIds: readonly string[] | null;
}

/** Owners and supervisors see any coder's coding: they supervise it (lib/policy). */
export const canChooseAnyCoder = (role: Role) => can(role, 'superviseCoding');

/**
 * The choice as it applies now. A stored choice may be out of date (a coder left the project,
 * independent coding was switched on, the member's role changed): what no longer applies falls
 * back to everyone's, so a stale choice never makes the server refuse the document.
 * - Owners and supervisors: any of `coderIds`, or everyone.
 * - Coders: only their own coding with independent coding on; else theirs or everyone's.
 * - Viewers: everyone's (the server narrows that to the consensus under independent coding).
 */
export function effectiveChoice(stored: CoderChoice | null, scope: ChoiceScope): CoderChoice {
  if (scope.role === 'coder' && scope.independentCoding)
    return { kind: 'coders', ids: [scope.meId] };
  if (!stored || stored.kind === 'all') return EVERYONE;
  if (scope.role === 'coder') return isOnlyMe(stored, scope.meId) ? stored : EVERYONE;
  if (!canChooseAnyCoder(scope.role)) return EVERYONE;
  const known = scope.coderIds && new Set(scope.coderIds);
  const ids = [...new Set(stored.ids)].filter((id) => !known || known.has(id));
  return ids.length === 0 ? EVERYONE : { kind: 'coders', ids };
}

/**
 * The `coders` query parameter for a choice (undefined: the server's default, everyone the caller
 * may see). Ids are sorted, so one selection is one query key whatever order it was ticked in.
 */
export function codersParam(choice: CoderChoice, meId: string): string | undefined {
  if (choice.kind === 'all') return undefined;
  if (isOnlyMe(choice, meId)) return 'me';
  return [...choice.ids].sort().join(',');
}

export function isOnlyMe(choice: CoderChoice, meId: string): boolean {
  return choice.kind === 'coders' && choice.ids.length === 1 && choice.ids[0] === meId;
}

/** Exactly one coder shown: the consensus, or one person. */
export function onlyCoder(choice: CoderChoice): string | null {
  return choice.kind === 'coders' && choice.ids.length === 1 ? choice.ids[0]! : null;
}

/** Ticks or unticks one coder; unticking the last one means everyone again. */
export function toggleCoder(choice: CoderChoice, id: string): CoderChoice {
  const ids = choice.kind === 'all' ? [] : choice.ids;
  const next = ids.includes(id) ? ids.filter((c) => c !== id) : [...ids, id];
  return next.length === 0 ? EVERYONE : { kind: 'coders', ids: next };
}

/** The button's summary: "Everyone", "Only me", "Astrid Svensson", "Consensus", "3 coders". */
export function choiceSummary(
  choice: CoderChoice,
  meId: string,
  nameOf: (id: string) => string,
): string {
  if (choice.kind === 'all') return 'Everyone';
  if (isOnlyMe(choice, meId)) return 'Only me';
  if (choice.ids.length === 1) return nameOf(choice.ids[0]!);
  return `${choice.ids.length} coders`;
}

/** Reads a choice saved by `serializeChoice`; anything else (old formats, tampering) is null. */
export function parseChoice(raw: string | null): CoderChoice | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { kind, ids } = value as { kind?: unknown; ids?: unknown };
    if (kind === 'all') return EVERYONE;
    if (kind !== 'coders' || !Array.isArray(ids)) return null;
    const strings = ids.filter((id): id is string => typeof id === 'string' && id !== '');
    return strings.length > 0 ? { kind: 'coders', ids: strings } : null;
  } catch {
    return null;
  }
}

export function serializeChoice(choice: CoderChoice): string {
  return JSON.stringify(choice);
}
