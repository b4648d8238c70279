import type { Highlight } from '@kodbok/contracts';
import { assignLanes } from '@kodbok/core';
import type { CoderChoice } from './coder-choice';

/**
 * Telling coders apart when several coders' highlights are on screen. Colour already means the
 * code, so a coder's mark is never a colour: it is their initials (a badge where each of their
 * highlights starts, and in every tooltip) and a stripe pattern in the margin, each coder in a
 * band of lanes of their own. The legend names each mark.
 */
export type StripePattern = 'solid' | 'dashed' | 'dotted' | 'dash-dot';
export const PATTERNS: readonly StripePattern[] = ['solid', 'dashed', 'dotted', 'dash-dot'];

export interface CoderMark {
  coderId: string;
  name: string;
  /** Short and unique among the marks: "AS", "AS2", "Bo", "✓" for the consensus. */
  initials: string;
  pattern: StripePattern;
}

export interface CoderRef {
  id: string;
  name: string;
}

const CONSENSUS_MARK = '✓';

/**
 * The initials of a name: first letters of the first and last words ("Åsa Öberg" → "ÅÖ"), or the
 * first two letters of a one-word name ("Bo"). A note in brackets is not part of the name
 * ("Astrid Lind (demo coder)" → "AL"). Letters outside the BMP count as one.
 */
export function initialsOf(name: string): string {
  const words = name
    .replace(/\([^)]*\)|\[[^\]]*\]/gu, ' ')
    .trim()
    .split(/[\s\-–]+/u)
    .filter(Boolean);
  if (words.length === 0) return '?';
  const first = Array.from(words[0]!);
  if (words.length === 1) return `${first[0]!.toLocaleUpperCase()}${first[1] ?? ''}`;
  return `${first[0]!}${Array.from(words.at(-1)!)[0]!}`.toLocaleUpperCase();
}

/**
 * A mark for each coder, in the given order (stable across documents when it is the project's
 * member order): initials made unique by a number ("AS", "AS2"), patterns in turn.
 */
export function coderMarks(coders: readonly CoderRef[], consensusId: string): CoderMark[] {
  const used = new Map<string, number>();
  return coders.map((c, i) => {
    const base = c.id === consensusId ? CONSENSUS_MARK : initialsOf(c.name);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return {
      coderId: c.id,
      name: c.name,
      initials: n === 1 ? base : `${base}${n}`,
      pattern: PATTERNS[i % PATTERNS.length]!,
    };
  });
}

export interface LegendEntry extends CoderMark {
  /** Their highlights in this document. */
  highlights: number;
}

/**
 * Marks for the coders on screen, or null when the choice shows one coder (nothing to tell
 * apart). `options` are the coders the project knows, in member order; a coder met only in the
 * highlights (a former member) is added by the name the highlight carries. The legend lists the
 * chosen coders, or with everyone's coding those who coded this document.
 */
export function coderLegend(
  choice: CoderChoice,
  options: readonly CoderRef[],
  highlights: readonly Highlight[],
  consensusId: string,
): { marks: ReadonlyMap<string, CoderMark>; legend: LegendEntry[] } | null {
  if (choice.kind === 'coders' && choice.ids.length < 2) return null;
  const counts = new Map<string, number>();
  const names = new Map(options.map((o) => [o.id, o.name]));
  for (const h of highlights) {
    counts.set(h.coderId, (counts.get(h.coderId) ?? 0) + 1);
    if (!names.has(h.coderId)) names.set(h.coderId, h.coderName);
  }
  const everyone = [...names].map(([id, name]) => ({ id, name }));
  const marks = new Map(coderMarks(everyone, consensusId).map((m) => [m.coderId, m]));
  const shown =
    choice.kind === 'all'
      ? everyone.filter((c) => counts.has(c.id))
      : everyone.filter((c) => choice.ids.includes(c.id));
  return {
    marks,
    legend: shown.map((c) => ({ ...marks.get(c.id)!, highlights: counts.get(c.id) ?? 0 })),
  };
}

/**
 * The stripe lanes when coders are marked: each coder's stripes in a band of lanes of their own,
 * bands side by side in legend order, so one coder's stripes never interleave with another's.
 * Without marks, lanes are shared as before (assignLanes over every bar).
 */
export function coderLanes<B extends { id: string; start: number; end: number; coderId: string }>(
  bars: readonly B[],
  marks: ReadonlyMap<string, CoderMark> | null,
): Map<string, number> {
  if (!marks) return assignLanes(bars);
  const order = [...marks.keys()];
  const groups = new Map<string, B[]>();
  for (const bar of bars) {
    const group = groups.get(bar.coderId) ?? [];
    group.push(bar);
    groups.set(bar.coderId, group);
  }
  const rank = (id: string) => (order.indexOf(id) === -1 ? order.length : order.indexOf(id));
  const lanes = new Map<string, number>();
  let offset = 0;
  for (const [, group] of [...groups].sort(([a], [b]) => rank(a) - rank(b))) {
    const own = assignLanes(group);
    let width = 0;
    for (const [id, lane] of own) {
      lanes.set(id, offset + lane);
      width = Math.max(width, lane + 1);
    }
    offset += width;
  }
  return lanes;
}

/** The CSS background of a stripe in a code's colour, drawn in the coder's pattern. */
export function stripeBackground(color: string, pattern: StripePattern | undefined): string {
  switch (pattern) {
    case 'dashed':
      return `repeating-linear-gradient(${color} 0 6px, transparent 6px 9px)`;
    case 'dotted':
      return `repeating-linear-gradient(${color} 0 2px, transparent 2px 5px)`;
    case 'dash-dot':
      return `repeating-linear-gradient(${color} 0 7px, transparent 7px 9px, ${color} 9px 11px, transparent 11px 13px)`;
    default:
      return color;
  }
}
