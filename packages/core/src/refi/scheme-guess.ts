import type { RefiTextSource } from './model';
import {
  ALL_SCHEMES,
  normaliseText,
  onWordBoundary,
  positionMap,
  schemeForOrigin,
  SPEC_SCHEME,
  type PositionScheme,
} from './positions';

/**
 * How the writing tool counted positions: known tools by their `origin` (deviations §A), any
 * other by what fits its selections best. Where the texts have neither CRLF nor characters
 * outside the BMP, every scheme gives the same offsets and the standard's is taken.
 */
export function chooseScheme(
  origin: string,
  sources: readonly RefiTextSource[],
  texts: ReadonlyMap<string, string>,
): PositionScheme {
  const known = schemeForOrigin(origin);
  if (known) return known;
  const coded = sources.filter((s) => s.selections.length > 0);
  const ambiguous = coded.some((s) => /\r\n|[\ud800-\udbff]/.test(texts.get(s.guid) ?? ''));
  if (!ambiguous) return SPEC_SCHEME;
  let best = SPEC_SCHEME;
  let bestScore = -Infinity;
  for (const scheme of ALL_SCHEMES) {
    const score = coded.reduce((sum, s) => sum + fit(s, texts.get(s.guid)!, scheme), 0);
    if (score > bestScore) [best, bestScore] = [scheme, score];
  }
  return best;
}

/**
 * How well a scheme places a source's selections: a point for each end on a word boundary, ten
 * where the selection's name is its quote (ATLAS.ti and QualCoder write it so, ATLAS.ti cut at
 * 100 characters with "…"), and a heavy penalty for a position outside the text.
 */
function fit(source: RefiTextSource, raw: string, scheme: PositionScheme): number {
  const map = positionMap(raw, scheme);
  const text = normaliseText(raw);
  let score = 0;
  for (const sel of source.selections) {
    if (sel.start < 0 || sel.end >= map.length || sel.start > sel.end) {
      score -= 1000;
      continue;
    }
    const start = map[sel.start]!;
    const end = map[sel.end]!;
    if (onWordBoundary(text, start)) score++;
    if (onWordBoundary(text, end)) score++;
    const quote = text.slice(start, end);
    const name = sel.name.trim();
    if (
      name &&
      (quote.trim() === name || (name.endsWith('…') && quote.startsWith(name.slice(0, -1))))
    ) {
      score += 10;
    }
  }
  return score;
}
