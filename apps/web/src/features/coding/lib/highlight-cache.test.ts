import { describe, expect, it } from 'vitest';
import type { Highlight } from '@kodbok/contracts';
import { showOptimistic, showRefused, showSaved } from './highlight-cache';

const highlight = (id: string, over: Partial<Highlight> = {}): Highlight => ({
  id,
  documentId: 'd',
  coderId: 'me',
  coderName: 'Me',
  start: 10,
  end: 20,
  quote: 'felt stigma',
  prefix: '',
  suffix: '',
  codeIds: ['stigma'],
  memo: null,
  createdAt: '',
  updatedAt: '',
  ...over,
});

describe('coding a span in the document cache', () => {
  it('adds a new highlight, then puts the saved one in its place', () => {
    const other = highlight('h1', { start: 0, end: 5 });
    const pending = highlight('pending-1');
    const shown = showOptimistic([other], pending);
    expect(shown.merged).toBeUndefined();
    expect(shown.highlights.map((h) => h.id)).toEqual(['h1', 'pending-1']);
    const saved = highlight('h2');
    expect(showSaved(shown.highlights, 'pending-1', saved)).toEqual([other, saved]);
  });

  it('re-coding my own identical span never shows a second highlight', () => {
    const mine = highlight('h1', { memo: 'kept' });
    const pending = highlight('pending-1', { codeIds: ['funding', 'stigma'], memo: 'new' });
    const shown = showOptimistic([mine], pending);
    expect(shown.merged).toBe(mine);
    expect(shown.highlights).toEqual([{ ...mine, codeIds: ['stigma', 'funding'] }]);
    // The server answers 200 with the existing highlight.
    const saved = { ...mine, codeIds: ['stigma', 'funding'], updatedAt: 'later' };
    expect(showSaved(shown.highlights, 'pending-1', saved)).toEqual([saved]);
    // Refused: back as it was.
    expect(showRefused(shown.highlights, 'pending-1', shown.merged)).toEqual([mine]);
  });

  it('keeps apart another coder’s identical span, and mine one character longer', () => {
    const theirs = highlight('h1', { coderId: 'them' });
    const longer = highlight('h2', { end: 21 });
    const shown = showOptimistic([theirs, longer], highlight('pending-1'));
    expect(shown.merged).toBeUndefined();
    expect(shown.highlights).toHaveLength(3);
  });

  it('places a 200 answer for a highlight the cache did not show once', () => {
    // Coding into my own coding while only others' is shown: the server merged into a hidden one.
    const shown = showOptimistic([], highlight('pending-1'));
    const saved = highlight('hidden', { codeIds: ['other', 'stigma'] });
    expect(showSaved(shown.highlights, 'pending-1', saved)).toEqual([saved]);
    expect(showSaved([saved], 'pending-2', saved)).toEqual([saved]);
  });

  it('removes only the refused highlight', () => {
    const a = highlight('a', { start: 0, end: 3 });
    expect(showRefused([a, highlight('pending-1')], 'pending-1', undefined)).toEqual([a]);
  });
});
