import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  childrenByParent,
  depthsOf,
  descendantIds,
  findSiblingNamed,
  flattenTree,
  parentsOf,
  sameCodeName,
  wouldCreateCycle,
  type CodeNode,
} from '../src/codebook';

/** A small codebook factory: `code('b', 'a')` is code b under a. */
let position = 0;
const code = (id: string, parentId: string | null = null, name = id): CodeNode => ({
  id,
  parentId,
  name,
  position: position++,
});

// support ─┬─ peer ─── trust
//          └─ family
// barriers ── stigma
const book = [
  code('support'),
  code('peer', 'support'),
  code('trust', 'peer'),
  code('family', 'support'),
  code('barriers'),
  code('stigma', 'barriers'),
];

describe('descendantIds', () => {
  it('finds children and grandchildren but not the code itself', () => {
    expect(descendantIds(book, 'support')).toEqual(new Set(['peer', 'trust', 'family']));
    expect(descendantIds(book, 'peer')).toEqual(new Set(['trust']));
    expect(descendantIds(book, 'trust')).toEqual(new Set());
    expect(descendantIds(book, 'unknown')).toEqual(new Set());
  });

  it('terminates on corrupt data that already contains a cycle', () => {
    const corrupt = [code('x', 'y'), code('y', 'x')];
    expect(descendantIds(corrupt, 'x')).toEqual(new Set(['y', 'x']));
  });
});

describe('wouldCreateCycle', () => {
  it('refuses moving a code under itself or any of its descendants', () => {
    expect(wouldCreateCycle(book, 'support', 'support')).toBe(true);
    expect(wouldCreateCycle(book, 'support', 'peer')).toBe(true);
    expect(wouldCreateCycle(book, 'support', 'trust')).toBe(true);
  });

  it('allows moving to the top level, to a sibling, an ancestor or another branch', () => {
    expect(wouldCreateCycle(book, 'trust', null)).toBe(false);
    expect(wouldCreateCycle(book, 'peer', 'family')).toBe(false);
    expect(wouldCreateCycle(book, 'trust', 'support')).toBe(false);
    expect(wouldCreateCycle(book, 'support', 'stigma')).toBe(false);
  });

  it('is true exactly when the new parent reaches the code by walking up parents (property)', () => {
    // Random forests: each code's parent is an earlier code or none, so the input has no cycle.
    const forest = fc
      .array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 12 })
      .map((parents) =>
        parents.map((p, i): CodeNode => ({
          id: `c${i}`,
          parentId: p === null || i === 0 ? null : `c${p % i}`,
          name: `c${i}`,
          position: 0,
        })),
      );
    fc.assert(
      fc.property(forest, fc.nat(), fc.nat(), (codes, a, b) => {
        const moved = codes[a % codes.length]!.id;
        const target = codes[b % codes.length]!.id;
        const parentOf = new Map(codes.map((c) => [c.id, c.parentId]));
        let cycle = false;
        for (let at: string | null = target; at !== null; at = parentOf.get(at) ?? null)
          if (at === moved) cycle = true;
        expect(wouldCreateCycle(codes, moved, target)).toBe(cycle);
      }),
    );
  });
});

describe('sameCodeName', () => {
  it('ignores case, surrounding and repeated whitespace', () => {
    expect(sameCodeName('Peer support', '  peer   SUPPORT ')).toBe(true);
    expect(sameCodeName('Peer support', 'Peer\tsupport')).toBe(true);
  });

  it('treats Unicode case and composition alike: Å = å, composed = decomposed', () => {
    expect(sameCodeName('Återhämtning', 'återhämtning')).toBe(true);
    expect(sameCodeName('Tromsø', 'TROMSØ')).toBe(true);
    expect(sameCodeName('A\u030aterhämtning', 'Återhämtning')).toBe(true);
  });

  it('keeps different letters apart: å is not a, ø is not o', () => {
    expect(sameCodeName('Vård', 'Vard')).toBe(false);
    expect(sameCodeName('Sø', 'So')).toBe(false);
    expect(sameCodeName('Trust', 'Trust!')).toBe(false);
  });
});

describe('findSiblingNamed', () => {
  it('finds a clash only among codes with the same parent', () => {
    const codes = [code('a', null, 'Trust'), code('b', 'x', 'Trust')];
    expect(findSiblingNamed(codes, null, 'trust')?.id).toBe('a');
    expect(findSiblingNamed(codes, 'x', 'TRUST')?.id).toBe('b');
    expect(findSiblingNamed(codes, 'y', 'Trust')).toBeUndefined();
  });

  it('ignores the code being renamed, so changing only its case is allowed', () => {
    const codes = [code('a', null, 'Trust')];
    expect(findSiblingNamed(codes, null, 'TRUST', 'a')).toBeUndefined();
  });
});

describe('tree building', () => {
  it('groups children by parent, ordered by position then name', () => {
    const codes: CodeNode[] = [
      { id: 'z', parentId: null, name: 'Zeta', position: 1 },
      { id: 'b', parentId: null, name: 'Beta', position: 0 },
      { id: 'a', parentId: null, name: 'Alfa', position: 1 },
      { id: 'k', parentId: 'b', name: 'Kid', position: 0 },
    ];
    const children = childrenByParent(codes);
    expect(children.get(null)!.map((c) => c.id)).toEqual(['b', 'a', 'z']);
    expect(children.get('b')!.map((c) => c.id)).toEqual(['k']);
    expect(children.get('k')).toBeUndefined();
  });

  it('flattens depth-first with each code after its parent and a depth per level', () => {
    expect(flattenTree(book).map((c) => [c.id, c.depth])).toEqual([
      ['support', 0],
      ['peer', 1],
      ['trust', 2],
      ['family', 1],
      ['barriers', 0],
      ['stigma', 1],
    ]);
    expect(flattenTree([])).toEqual([]);
  });

  it('does not loop forever on codes that form a cycle', () => {
    expect(flattenTree([code('root'), code('x', 'y'), code('y', 'x')]).map((c) => c.id)).toEqual([
      'root',
    ]);
  });
});

describe('depthsOf and parentsOf', () => {
  it('gives each row its depth below the top and names the rows with children', () => {
    const rows = [
      { codeId: 'theme', parentId: null },
      { codeId: 'code', parentId: 'theme' },
      { codeId: 'sub', parentId: 'code' },
      { codeId: 'orphan', parentId: 'filtered-out' },
    ];
    expect(depthsOf(rows)).toEqual(
      new Map([
        ['theme', 0],
        ['code', 1],
        ['sub', 2],
        ['orphan', 0],
      ]),
    );
    expect(parentsOf(rows)).toEqual(new Set(['theme', 'code', 'filtered-out']));
  });
});
