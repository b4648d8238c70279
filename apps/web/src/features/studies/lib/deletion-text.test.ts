import { describe, expect, it } from 'vitest';
import { deletionText, deletionTitle } from './deletion-text';

describe('deletionText', () => {
  it('names the documents and highlights that go with one study', () => {
    expect(deletionText({ studies: 1, documents: 1, highlights: 14 })).toBe(
      'With it go 1 document and 14 highlights (every coder’s).',
    );
    expect(deletionText({ studies: 1, documents: 2, highlights: 1 })).toBe(
      'With it go 2 documents and 1 highlight (every coder’s).',
    );
  });

  it('counts many studies with thousands separators', () => {
    expect(deletionText({ studies: 3, documents: 3, highlights: 12_345 })).toBe(
      'With them go 3 documents and 12,345 highlights (every coder’s).',
    );
  });

  it('says when nothing is coded, and when there is no text at all', () => {
    expect(deletionText({ studies: 1, documents: 1, highlights: 0 })).toBe(
      'With it goes 1 document; no one has coded it.',
    );
    expect(deletionText({ studies: 2, documents: 2, highlights: 0 })).toBe(
      'With them go 2 documents; no one has coded them.',
    );
    expect(deletionText({ studies: 1, documents: 0, highlights: 0 })).toBe(
      'It has no text and no highlights.',
    );
    expect(deletionText({ studies: 4, documents: 0, highlights: 0 })).toBe(
      'They have no text and no highlights.',
    );
  });
});

describe('deletionTitle', () => {
  it('quotes one study’s title and counts many', () => {
    expect(deletionTitle(1, 'Peer support in Bodø')).toBe('Delete “Peer support in Bodø”?');
    expect(deletionTitle(1)).toBe('Delete 1 study?');
    expect(deletionTitle(10_000)).toBe('Delete 10,000 studies?');
  });
});
