import type { Resolution } from '@kodbok/contracts';
import type { Coverage } from './coder-lanes';

/**
 * What a resolution took into the consensus, in words: "Astrid's version", "both versions",
 * "neither version (not coded)". `names` maps coder ids to names; an unknown id reads as "a
 * former coder" rather than an id.
 */
export function acceptedText(
  accepted: readonly string[],
  coders: readonly string[],
  names: ReadonlyMap<string, string>,
): string {
  const name = (id: string) => names.get(id) ?? 'a former coder';
  if (accepted.length === 0) return 'neither version (not coded)';
  if (accepted.length === 1) return `${name(accepted[0]!)}'s version`;
  if (coders.length > 0 && coders.every((c) => accepted.includes(c)))
    return coders.length === 2 ? 'both versions' : 'every version';
  const list = accepted.map(name);
  return `the versions of ${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

/** "Resolved by Olivia on 28 Nov 2026, 10:00: took Astrid's version." */
export function resolutionText(
  resolution: Pick<Resolution, 'accepted' | 'coders' | 'userName' | 'createdAt'>,
  names: ReadonlyMap<string, string>,
  formatDate: (iso: string) => string,
): string {
  const took = acceptedText(resolution.accepted, resolution.coders, names);
  return `Resolved by ${resolution.userName} on ${formatDate(resolution.createdAt)}: took ${took}.`;
}

export const COVERAGE_TEXT: Record<Coverage, string> = {
  all: 'coded it',
  part: 'coded part of it',
  none: 'did not code it',
};
