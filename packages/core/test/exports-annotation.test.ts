import { describe, expect, it } from 'vitest';
import {
  annotationCollectionEnd,
  annotationCollectionStart,
  astralOffsets,
  codePointOffset,
  toWebAnnotation,
  type ExportHighlight,
} from '../src/index';

describe('code point offsets', () => {
  it('counts each surrogate pair before an offset once', () => {
    const text = 'a👩🏽‍⚕️b𠀋c';
    const astral = astralOffsets(text);
    expect(astral).toEqual([1, 3, 9]);
    const at = (s: string) => codePointOffset(text.indexOf(s), astral);
    expect([at('a'), at('b'), at('c')]).toEqual([0, 6, 8]);
    expect([...text.slice(0, text.indexOf('c'))].length).toBe(8);
  });

  it('is the identity for text inside the BMP', () => {
    expect(astralOffsets('Åkerblom i Tromsø 漢字')).toEqual([]);
    expect(codePointOffset(12, [])).toBe(12);
  });
});

describe('toWebAnnotation', () => {
  const h: ExportHighlight = {
    id: 'h1',
    documentId: 'd1',
    studyId: 's1',
    documentKind: 'abstract',
    coderId: 'u1',
    coderName: 'Åsa',
    start: 3,
    end: 9,
    quote: 'Tromsø',
    prefix: 'in ',
    suffix: ' they',
    memo: 'a memo',
    createdAt: '2026-11-29T10:00:00.000Z',
    codeIds: ['c1'],
  };

  it('tags with the codes, comments with the memo and selects by quote and position', () => {
    const a = toWebAnnotation(
      h,
      [{ id: 'c1', path: 'Theme › Code' }],
      { start: 3, end: 9 },
      'consensus',
    );
    expect(a).toEqual({
      id: 'urn:kodbok:highlight:h1',
      type: 'Annotation',
      motivation: 'tagging',
      created: '2026-11-29T10:00:00.000Z',
      creator: { id: 'urn:kodbok:user:u1', type: 'Person', name: 'Åsa' },
      body: [
        {
          type: 'TextualBody',
          id: 'urn:kodbok:code:c1',
          purpose: 'tagging',
          value: 'Theme › Code',
          format: 'text/plain',
        },
        { type: 'TextualBody', purpose: 'commenting', value: 'a memo', format: 'text/plain' },
      ],
      target: {
        source: 'urn:kodbok:document:d1',
        selector: [
          { type: 'TextQuoteSelector', exact: 'Tromsø', prefix: 'in ', suffix: ' they' },
          { type: 'TextPositionSelector', start: 3, end: 9 },
        ],
      },
    });
    const team = toWebAnnotation(
      { ...h, coderId: 'consensus', memo: null },
      [],
      { start: 0, end: 1 },
      'consensus',
    );
    expect(team.creator.type).toBe('Organization');
    expect(team.body).toEqual([]);
  });

  it('streams as a collection whose pieces join into valid JSON', () => {
    const start = annotationCollectionStart({ id: 'urn:x', label: 'L' });
    const json = `${start}{"a":1},{"a":2}${annotationCollectionEnd(2)}`;
    expect(JSON.parse(json)).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:x',
      type: 'AnnotationCollection',
      label: 'L',
      total: 2,
      first: { type: 'AnnotationPage', startIndex: 0, items: [{ a: 1 }, { a: 2 }] },
    });
  });
});
