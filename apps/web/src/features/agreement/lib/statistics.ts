import type { AgreementLevel, AgreementStats } from '@kodbok/contracts';

/** The chance-corrected and raw figures an agreement row carries, in the order the table shows them. */
export type StatKey = Exclude<keyof AgreementStats, 'units' | 'agreements'>;

type BandScale = 'landis-koch' | 'krippendorff';

export interface StatisticInfo {
  key: StatKey;
  /** Column header. */
  label: string;
  /** One sentence for the "what these figures mean" list. */
  explain: string;
  bands: BandScale | null;
}

export const STATISTICS: readonly StatisticInfo[] = [
  {
    key: 'percentAgreement',
    label: '% agreement',
    explain:
      'The share of units on which every coder made the same decision; it does not allow for agreement by chance, so it reads high when a code is rare.',
    bands: null,
  },
  {
    key: 'cohenKappa',
    label: "Cohen's κ",
    explain:
      "Agreement of exactly two coders corrected for the agreement their own rates of applying a code would give by chance (Landis and Koch's bands).",
    bands: 'landis-koch',
  },
  {
    key: 'krippendorffAlpha',
    label: "Krippendorff's α",
    explain:
      'Chance-corrected agreement (nominal) for any number of coders, allowing units some coders did not code; Krippendorff relies on α ≥ .800 and allows tentative conclusions from α ≥ .667.',
    bands: 'krippendorff',
  },
  {
    key: 'fleissKappa',
    label: "Fleiss' κ",
    explain:
      "Chance-corrected agreement for two or more coders over the units every coder coded, with chance from the pooled rates (Landis and Koch's bands).",
    bands: 'landis-koch',
  },
  {
    key: 'brennanPredigerKappa',
    label: 'Brennan–Prediger κ',
    explain:
      "Free-marginal kappa: chance is one over the number of categories, whatever the coders' rates, as MAXQDA reports it, so results compare across tools (Landis and Koch's bands).",
    bands: 'landis-koch',
  },
];

export const LEVELS: ReadonlyArray<{ level: AgreementLevel; label: string; explain: string }> = [
  {
    level: 'document',
    label: 'Document',
    explain:
      'Each document and code is one unit: did each coder apply the code anywhere in the document?',
  },
  {
    level: 'character',
    label: 'Character',
    explain:
      'Every character of every document is one unit per code, coded or not by each coder, as in NVivo; text nobody coded counts as agreement.',
  },
  {
    level: 'segment',
    label: 'Segment',
    explain:
      "Each highlight is a segment; two coders' segments of a code match when their overlap (intersection over union) reaches the threshold, as in MAXQDA. With no units that nobody coded, the chance-corrected figures run low here, often below 0.",
  },
];

/** What one unit is at each level, for the "Units" column. */
export const UNIT_NAMES: Record<AgreementLevel, string> = {
  document: 'document–code pairs',
  character: 'characters',
  segment: 'segments',
};

/** Rounded as shown (3 decimals), so a label never contradicts the figure beside it. */
const shown = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The interpretation band of a statistic, or null when it has none (percent agreement) or is
 * undefined. Kappas use Landis and Koch (1977): below 0 poor, up to .20 slight, .40 fair, .60
 * moderate, .80 substantial, above almost perfect. Krippendorff's alpha uses his own guidance
 * (2004): ≥ .800 reliable, ≥ .667 tentative, below that unreliable.
 */
export function interpretation(key: StatKey, value: number | null): string | null {
  const scale = STATISTICS.find((s) => s.key === key)?.bands ?? null;
  if (value === null || scale === null) return null;
  const v = shown(value);
  if (scale === 'krippendorff') {
    if (v >= 0.8) return 'reliable';
    return v >= 0.667 ? 'tentative' : 'unreliable';
  }
  if (v < 0) return 'poor';
  if (v <= 0.2) return 'slight';
  if (v <= 0.4) return 'fair';
  if (v <= 0.6) return 'moderate';
  return v <= 0.8 ? 'substantial' : 'almost perfect';
}

/**
 * A statistic as the table shows it: "n/a" when undefined (never 0 or 1), percent agreement as a
 * percentage with one decimal, coefficients with three decimals and a true minus sign.
 */
export function formatStat(key: StatKey, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  if (key === 'percentAgreement') return `${(value * 100).toFixed(1)}%`;
  const v = shown(value);
  // -0.0004 shows as 0.000, not −0.000.
  return v < 0 ? `−${(-v).toFixed(3)}` : v.toFixed(3);
}

/** The guide lines a bar chart of the statistic draws, so a bar reads against its bands. */
export function bandEdges(key: StatKey): number[] {
  const scale = STATISTICS.find((s) => s.key === key)?.bands ?? null;
  if (scale === 'krippendorff') return [0.667, 0.8];
  if (scale === 'landis-koch') return [0.2, 0.4, 0.6, 0.8];
  return [];
}

/**
 * What to say above the table when no unit was coded by every chosen coder (null: nothing).
 * Krippendorff's α may still be defined then, from units at least two coders coded: the notice
 * must not say there is nothing to compare while the table shows α.
 */
export function coverageNotice(overall: AgreementStats, coders: number): string | null {
  if (overall.units > 0) return null;
  if (overall.krippendorffAlpha === null)
    return 'Nothing to compare yet: the chosen coders have no studies in common with coding in them. Assign the same studies to two coders, or choose other coders.';
  return `No unit was coded by all ${coders} chosen coders, so units, % agreement and the kappas are n/a. Krippendorff's α is computed from the units at least two of them coded.`;
}
