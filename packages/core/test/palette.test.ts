import { describe, expect, it } from 'vitest';
import {
  defaultCodeColor,
  familyColor,
  familyPalette,
  nextColor,
  PALETTE,
  stackTints,
} from '../src/palette';

describe('palette', () => {
  it('has ten distinct six-digit hex colours (Tableau 10)', () => {
    expect(PALETTE).toHaveLength(10);
    for (const c of PALETTE) expect(c).toMatch(/^#[0-9A-F]{6}$/);
    expect(new Set(PALETTE.map((c) => c.toUpperCase())).size).toBe(10);
    expect(PALETTE[0]).toBe('#4E79A7');
  });

  it('gives the first ten codes ten different colours, then starts over', () => {
    const first = Array.from({ length: 10 }, (_, i) => nextColor(i));
    expect(new Set(first).size).toBe(10);
    expect(nextColor(10)).toBe(nextColor(0));
    expect(nextColor(23)).toBe(nextColor(3));
  });
});

describe('stackTints', () => {
  const channels = (hex: string) =>
    [1, 3, 5, 7].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) || 0).slice(0, 3);

  /** The layers painted one by one over an opaque backdrop, the last listed first. */
  function paintLayers(colors: string[], alpha: number, backdrop: number[]) {
    const t = alpha / 255;
    return colors.reduceRight(
      (under, c) => channels(c).map((v, i) => v * t + under[i]! * (1 - t)),
      backdrop,
    );
  }
  function paintOne(rgba: string, backdrop: number[]) {
    const t = Number.parseInt(rgba.slice(7, 9), 16) / 255;
    return channels(rgba).map((v, i) => v * t + backdrop[i]! * (1 - t));
  }

  it('is the colour with the alpha appended for one layer', () => {
    expect(stackTints(['#4E79A7'], 0x40)).toBe('#4E79A740');
  });

  it('is transparent for no layer', () => {
    expect(stackTints([], 0x40)).toBe('transparent');
  });

  it('looks like the stacked layers over any backdrop, the first on top', () => {
    const stacks = [
      ['#4E79A7', '#4E79A7'],
      ['#F28E2B', '#4E79A7'],
      ['#4E79A7', '#F28E2B'],
      ['#E15759', '#76B7B2', '#59A14F', '#EDC948', '#B07AA1', '#000000'],
    ];
    for (const colors of stacks) {
      const one = stackTints(colors, 0x40);
      expect(one).toMatch(/^#[0-9A-F]{8}$/);
      for (const backdrop of [
        [255, 255, 255],
        [0, 0, 0],
        [31, 35, 40],
      ]) {
        const want = paintLayers(colors, 0x40, backdrop);
        paintOne(one, backdrop).forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThan(1.5));
      }
    }
    expect(stackTints(['#F28E2B', '#4E79A7'], 0x40)).not.toBe(
      stackTints(['#4E79A7', '#F28E2B'], 0x40),
    );
  });
});

describe('theme families', () => {
  const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  /** Hue as the order of the channels and where the middle one sits between the others. */
  const hueSignature = (hex: string) => {
    const c = rgb(hex);
    const order = [0, 1, 2].sort((a, b) => c[b]! - c[a]!);
    const [max, mid, min] = order.map((i) => c[i]!);
    return { order: order.join(''), mid: (mid! - min!) / Math.max(1, max! - min!) };
  };

  it('shades a theme’s colour: same hue, different lightness, siblings apart', () => {
    for (const theme of PALETTE.filter((c) => c !== '#BAB0AC')) {
      const shades = familyPalette(theme, 6);
      expect(new Set([theme, ...shades]).size).toBe(7);
      for (const shade of shades) {
        const a = hueSignature(theme);
        const b = hueSignature(shade);
        expect(b.order).toBe(a.order);
        expect(Math.abs(b.mid - a.mid)).toBeLessThan(0.08);
        // Neither near-white nor near-black: a tint and a stripe stay visible.
        const sum = rgb(shade).reduce((x, y) => x + y, 0);
        expect(sum).toBeGreaterThan(3 * 40);
        expect(sum).toBeLessThan(3 * 235);
      }
    }
  });

  it('gives a theme the next palette colour and a code inside one a shade of its theme', () => {
    const codes = [
      { id: 't1', parentId: null, color: PALETTE[0] },
      { id: 't2', parentId: null, color: PALETTE[1] },
      { id: 'c1', parentId: 't2', color: familyColor(PALETTE[1], 0) },
    ];
    expect(defaultCodeColor(codes, null)).toBe(nextColor(2));
    // A second code of t2's family, as a child or a grandchild under c1: the next shade.
    expect(defaultCodeColor(codes, 't2')).toBe(familyColor(PALETTE[1], 1));
    expect(defaultCodeColor(codes, 'c1')).toBe(familyColor(PALETTE[1], 1));
    expect(defaultCodeColor(codes, 't1')).toBe(familyColor(PALETTE[0], 0));
    // A theme whose colour is not #RRGGBB: the palette instead.
    expect(defaultCodeColor([{ id: 'x', parentId: null, color: 'teal' }], 'x')).toBe(nextColor(1));
  });
});
