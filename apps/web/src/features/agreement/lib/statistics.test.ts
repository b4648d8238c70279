import { describe, expect, it } from 'vitest';
import { bandEdges, coverageNotice, formatStat, interpretation } from './statistics';

describe('interpretation', () => {
  it("labels kappas with Landis and Koch's bands, edges included in the lower band", () => {
    expect(interpretation('cohenKappa', -0.1)).toBe('poor');
    expect(interpretation('cohenKappa', 0)).toBe('slight');
    expect(interpretation('fleissKappa', 0.2)).toBe('slight');
    expect(interpretation('fleissKappa', 0.41)).toBe('moderate');
    expect(interpretation('brennanPredigerKappa', 0.8)).toBe('substantial');
    expect(interpretation('cohenKappa', 0.81)).toBe('almost perfect');
  });

  it("labels Krippendorff's alpha reliable from .800 and tentative from .667", () => {
    expect(interpretation('krippendorffAlpha', 0.743)).toBe('tentative');
    expect(interpretation('krippendorffAlpha', 0.8)).toBe('reliable');
    expect(interpretation('krippendorffAlpha', 0.666)).toBe('unreliable');
  });

  it('judges the figure as shown, so the label agrees with the three decimals beside it', () => {
    expect(formatStat('krippendorffAlpha', 0.79961)).toBe('0.800');
    expect(interpretation('krippendorffAlpha', 0.79961)).toBe('reliable');
  });

  it('gives no band for an undefined statistic nor for percent agreement', () => {
    expect(interpretation('cohenKappa', null)).toBeNull();
    expect(interpretation('percentAgreement', 0.95)).toBeNull();
  });
});

describe('formatStat', () => {
  it('shows undefined as n/a, never as 0 or 1', () => {
    expect(formatStat('krippendorffAlpha', null)).toBe('n/a');
    expect(formatStat('percentAgreement', null)).toBe('n/a');
  });

  it('shows percent agreement as a percentage and coefficients with a true minus sign', () => {
    expect(formatStat('percentAgreement', 0.875)).toBe('87.5%');
    expect(formatStat('cohenKappa', -0.12)).toBe('−0.120');
    expect(formatStat('cohenKappa', -0.0004)).toBe('0.000');
    expect(formatStat('fleissKappa', 1)).toBe('1.000');
  });
});

describe('bandEdges', () => {
  it('draws the edges of the scale each statistic is read on', () => {
    expect(bandEdges('krippendorffAlpha')).toEqual([0.667, 0.8]);
    expect(bandEdges('cohenKappa')).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(bandEdges('percentAgreement')).toEqual([]);
  });
});

describe('coverageNotice', () => {
  const stats = (units: number, krippendorffAlpha: number | null) => ({
    units,
    agreements: 0,
    percentAgreement: null,
    cohenKappa: null,
    krippendorffAlpha,
    fleissKappa: null,
    brennanPredigerKappa: null,
  });

  it('says nothing when some unit was coded by every coder', () => {
    expect(coverageNotice(stats(12, 0.7), 2)).toBeNull();
  });

  it('says there is nothing to compare only when no statistic is defined', () => {
    expect(coverageNotice(stats(0, null), 2)).toMatch(/^Nothing to compare yet/);
  });

  it('explains the n/a columns beside a defined α instead of denying there is anything', () => {
    const notice = coverageNotice(stats(0, 0.819), 3);
    expect(notice).not.toMatch(/Nothing to compare/);
    expect(notice).toMatch(/all 3 chosen coders/);
    expect(notice).toMatch(/Krippendorff's α/);
  });
});
