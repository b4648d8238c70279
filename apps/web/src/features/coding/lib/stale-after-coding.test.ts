import { describe, expect, it } from 'vitest';
import { partialMatchKey, type QueryKey } from '@tanstack/react-query';
import { getCodesQueryOptions } from '../../../lib/queries/get-codes';
import { staleAfterCoding, type CodingChange } from './stale-after-coding';
import { getDocumentQueryOptions } from '../api/get-document';

const ref = { projectId: 'p1', documentId: 'd1' };

/** Whether a cached query with `key` is invalidated after `change`, and refetched if on screen. */
function after(change: CodingChange, key: QueryKey): 'refetched' | 'marked stale' | 'untouched' {
  const hit = staleAfterCoding(ref, change).find((s) => partialMatchKey(key, s.queryKey));
  return hit ? (hit.refetch ? 'refetched' : 'marked stale') : 'untouched';
}

// The keys as the app builds them (the studies list key is built in the studies feature, which
// this one may not import: spelled out, with the `coders` choice added lately).
const studiesMine = ['projects', 'p1', 'studies', { q: '', coders: 'me' }];
const studiesPage = ['projects', 'p1', 'studies', { q: 'stigma', coders: 'all' }];
const codesOfTwo = getCodesQueryOptions('p1', 'u1,u2').queryKey;
const frequencies = ['projects', 'p1', 'analysis', 'frequencies', { coders: 'all' }];
const agreement = ['projects', 'p1', 'agreement', 'statistics', {}, 'kappa'];
const excerptCount = ['projects', 'p1', 'exports', 'excerpt-count', {}];
const otherCopy = getDocumentQueryOptions('d1', 'consensus').queryKey;

describe('staleAfterCoding', () => {
  it.each<[string, CodingChange]>([
    ['coding a passage', 'create'],
    ['deleting a highlight', 'delete'],
    ['re-coding (codes changed)', { codeIds: ['a', 'b'] }],
    ['moving its boundaries', { start: 1, end: 9, quote: 'x' }],
  ])('after %s refreshes every count, under every coder choice and search', (_name, change) => {
    expect(after(change, studiesMine)).toBe('refetched');
    expect(after(change, studiesPage)).toBe('refetched');
    expect(after(change, codesOfTwo)).toBe('refetched');
    expect(after(change, frequencies)).toBe('refetched');
    expect(after(change, agreement)).toBe('refetched');
    expect(after(change, excerptCount)).toBe('refetched');
    expect(after(change, otherCopy)).toBe('marked stale');
  });

  it('after a memo change refreshes only analysis (excerpts show memos), no count', () => {
    const memo = { memo: 'Echoes the managers’ view' };
    expect(after(memo, frequencies)).toBe('refetched');
    expect(after(memo, studiesMine)).toBe('untouched');
    expect(after(memo, codesOfTwo)).toBe('untouched');
    expect(after(memo, otherCopy)).toBe('untouched');
  });

  it('leaves other projects, the project itself, its members and other documents alone', () => {
    for (const key of [
      ['projects', 'p2', 'studies', { q: '', coders: 'all' }],
      ['projects', 'p1'],
      ['projects', 'p1', 'members'],
      getDocumentQueryOptions('d2', 'me').queryKey,
      ['studies', 's1'],
    ])
      expect(after('create', key), JSON.stringify(key)).toBe('untouched');
  });
});
