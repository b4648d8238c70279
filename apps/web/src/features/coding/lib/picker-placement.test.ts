import { describe, expect, it } from 'vitest';
import { placePicker, type Box } from './picker-placement';

// A document pane of 1024×768 below a 44 px header, as at the smallest supported window.
const bounds: Box = { top: 44, left: 240, bottom: 768, right: 1024 };
const line = (top: number, left = 300, right = 700): Box => ({
  top,
  bottom: top + 29,
  left,
  right,
});
const size = { width: 320, height: 380 };
const inside = (p: { top: number; left: number }, h: number, w = size.width) =>
  p.top >= bounds.top &&
  p.top + h <= bounds.bottom &&
  p.left >= bounds.left &&
  p.left + w <= bounds.right;

describe('placePicker', () => {
  it('opens below the last line of the selection when there is room', () => {
    const p = placePicker({ first: line(100), last: line(130), size, bounds });
    expect(p).toMatchObject({ side: 'below', top: 165, left: 300 });
    expect(inside(p, size.height)).toBe(true);
  });

  it('opens above the first line when the selection is low in the window', () => {
    const p = placePicker({ first: line(650), last: line(700), size, bounds });
    expect(p.side).toBe('above');
    expect(p.top + size.height).toBe(650 - 6);
    expect(inside(p, size.height)).toBe(true);
  });

  it('stays above while it fits there, as the list shrinks and grows with the filter', () => {
    const small = { width: 320, height: 120 };
    const p = placePicker({
      first: line(400),
      last: line(400),
      size: small,
      bounds,
      prefer: 'above',
    });
    expect(p.side).toBe('above');
    expect(p.top).toBe(400 - 6 - 120);
    // Without the preference the same room below wins.
    expect(placePicker({ first: line(400), last: line(400), size: small, bounds }).side).toBe(
      'below',
    );
  });

  it('when neither side has room, takes the roomier one and caps its height to it', () => {
    const tall = { width: 320, height: 700 };
    const p = placePicker({ first: line(300), last: line(330), size: tall, bounds });
    expect(p.side).toBe('below');
    expect(p.maxHeight).toBe(768 - 8 - (359 + 6));
    expect(inside(p, Math.min(tall.height, p.maxHeight))).toBe(true);
    const q = placePicker({ first: line(500), last: line(530), size: tall, bounds });
    expect(q.side).toBe('above');
    expect(inside(q, Math.min(tall.height, q.maxHeight))).toBe(true);
  });

  it('keeps a usable height, overlapping the selection, when the selection fills the pane', () => {
    const p = placePicker({ first: line(60), last: line(730), size, bounds });
    expect(p.maxHeight).toBe(160);
    expect(inside(p, 160)).toBe(true);
  });

  it('shifts left to stay inside at the right edge, and never past the left edge', () => {
    expect(placePicker({ first: line(100), last: line(100, 900, 1000), size, bounds }).left).toBe(
      1024 - 8 - 320,
    );
    expect(placePicker({ first: line(100), last: line(100, 100, 200), size, bounds }).left).toBe(
      248,
    );
  });

  it('works in any coordinate space (the document body scrolled far down)', () => {
    const offset = 5000;
    const shifted = (b: Box): Box => ({ ...b, top: b.top + offset, bottom: b.bottom + offset });
    const p = placePicker({
      first: shifted(line(650)),
      last: shifted(line(700)),
      size,
      bounds: shifted(bounds),
    });
    expect(p.side).toBe('above');
    expect(p.top).toBe(offset + 650 - 6 - size.height);
  });
});
