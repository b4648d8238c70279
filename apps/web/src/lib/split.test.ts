import { describe, expect, it } from 'vitest';
import { clampSplit, splitAt, splitByKey, storedSplit } from './split';

const bounds = { min: 20, max: 80 };

describe('the codebook / details split', () => {
  it('keeps both panes: never below the minimum or above the maximum', () => {
    expect(clampSplit(5, bounds)).toBe(20);
    expect(clampSplit(95, bounds)).toBe(80);
    expect(clampSplit(Number.NaN, bounds)).toBe(20);
    expect(clampSplit(42.345, bounds)).toBe(42.3);
  });

  it('follows the pointer as a share of the panel', () => {
    // A panel from y=100 to y=900: a pointer at 500 is the middle.
    expect(splitAt(500, 100, 800, bounds)).toBe(50);
    expect(splitAt(120, 100, 800, bounds)).toBe(20);
    expect(splitAt(500, 100, 0, bounds)).toBe(20);
  });

  it('moves by the window-splitter keys and ignores others', () => {
    expect(splitByKey('ArrowUp', 50, bounds)).toBe(45);
    expect(splitByKey('ArrowDown', 78, bounds)).toBe(80);
    expect(splitByKey('Home', 50, bounds)).toBe(20);
    expect(splitByKey('End', 50, bounds)).toBe(80);
    expect(splitByKey('Enter', 50, bounds)).toBeNull();
  });

  it('reads back what was stored, and falls back on nothing or garbage', () => {
    expect(storedSplit('62.5', 55, bounds)).toBe(62.5);
    expect(storedSplit('99', 55, bounds)).toBe(80);
    expect(storedSplit(null, 55, bounds)).toBe(55);
    expect(storedSplit('wide', 55, bounds)).toBe(55);
    expect(storedSplit('', 55, bounds)).toBe(55);
  });
});
