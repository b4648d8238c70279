import { describe, expect, it } from 'vitest';
import { holdDroppedFiles, takeDroppedFiles } from './early-drop';

const file = (name: string) => new File(['TY  - JOUR'], name);

describe('files dropped before a page could take them', () => {
  it('go to the page they were dropped on, once', () => {
    const files = [file('a.ris')];
    holdDroppedFiles('/projects/p1', files, 1_000);
    expect(takeDroppedFiles('/projects/p1', 2_000)).toBe(files);
    expect(takeDroppedFiles('/projects/p1', 2_000)).toBeNull();
  });

  it('are dropped, not imported, on another page or after half a minute', () => {
    holdDroppedFiles('/projects/p1', [file('a.ris')], 1_000);
    expect(takeDroppedFiles('/projects/p2', 2_000)).toBeNull();
    expect(takeDroppedFiles('/projects/p1', 2_000)).toBeNull();
    holdDroppedFiles('/projects/p1', [file('b.ris')], 1_000);
    expect(takeDroppedFiles('/projects/p1', 31_001)).toBeNull();
  });

  it('are the latest drop only', () => {
    holdDroppedFiles('/projects/p1', [file('a.ris')], 1_000);
    const later = [file('b.ris')];
    holdDroppedFiles('/projects/p1', later, 1_500);
    expect(takeDroppedFiles('/projects/p1', 2_000)).toBe(later);
  });
});
