import { describe, expect, it } from 'vitest';
import type { MemoView } from '@kodbok/contracts';
import { groupMemos } from './group-memos';

const memo = (over: Partial<MemoView>): MemoView => ({
  id: Math.random().toString(36),
  on: 'study',
  targetId: 's1',
  targetLabel: 'A study',
  studyId: 's1',
  userId: 'u1',
  userName: 'Ann',
  text: 'x',
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
  ...over,
});

describe('groupMemos', () => {
  it('puts the project first, then codes, studies and documents, targets by label, newest memo first', () => {
    const groups = groupMemos([
      memo({
        targetId: 's2',
        targetLabel: 'Örebro study',
        studyId: 's2',
        text: 'old',
        updatedAt: '2026-11-01T00:00:00Z',
      }),
      memo({ on: 'document', targetId: 'd1', targetLabel: 'abstract of Grim', text: 'doc' }),
      memo({
        targetId: 's2',
        targetLabel: 'Örebro study',
        studyId: 's2',
        text: 'new',
        updatedAt: '2026-11-02T00:00:00Z',
      }),
      memo({ targetId: 's3', targetLabel: 'Zebra study', studyId: 's3' }),
      memo({ on: 'project', targetId: null, targetLabel: '', studyId: null, text: 'plan' }),
      memo({ on: 'code', targetId: 'c1', targetLabel: 'Stigma', studyId: null }),
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['project', 'code', 'study', 'document']);
    const studies = groups.find((g) => g.kind === 'study')!;
    // Kodbok's one collation (core's collation.ts): Ö beside O, before Z, as everywhere else.
    expect(studies.targets.map((t) => t.label)).toEqual(['Örebro study', 'Zebra study']);
    expect(studies.targets[0]!.memos.map((m) => m.text)).toEqual(['new', 'old']);
  });

  it('leaves out kinds that have no memo', () => {
    expect(
      groupMemos([memo({ on: 'code', targetId: 'c', targetLabel: 'C', studyId: null })]).map(
        (g) => g.kind,
      ),
    ).toEqual(['code']);
    expect(groupMemos([])).toEqual([]);
  });
});
