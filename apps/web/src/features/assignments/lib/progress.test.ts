import { describe, expect, it } from 'vitest';
import type { Assignment } from '@kodbok/contracts';
import { coderProgress, myQueue, progressTotals, studyProgress } from './progress';

const assignment = (
  studyId: string,
  userId: string,
  { done = null as string | null, highlights = 0, at = '2026-11-01T10:00:00Z' } = {},
): Assignment => ({ studyId, userId, assignedAt: at, doneAt: done, highlights });
const studies = [
  { id: 's1', label: 'Grim 2022', title: 'Managing peer support' },
  { id: 's2', label: 'Wall 2022', title: 'Peer roles' },
  { id: 's3', label: 'Åkerblom 2023', title: 'Stigma' },
];
const names = new Map([
  ['astrid', 'Astrid'],
  ['bo', 'Bo'],
]);
const nameOf = (id: string) => names.get(id) ?? id;

describe('studyProgress', () => {
  const rows = studyProgress(
    studies,
    [
      assignment('s1', 'bo', {
        done: '2026-11-03T10:00:00Z',
        highlights: 4,
        at: '2026-11-02T00:00:00Z',
      }),
      assignment('s1', 'astrid', { done: '2026-11-04T10:00:00Z', highlights: 2 }),
      assignment('s2', 'astrid', { done: '2026-11-04T10:00:00Z' }),
      assignment('s2', 'bo', { highlights: 1 }),
      assignment('gone', 'bo'),
    ],
    nameOf,
  );

  it('lists every study, unassigned ones too, and calls a study done only when all its coders are', () => {
    expect(rows.map((r) => [r.study.id, r.status])).toEqual([
      ['s1', 'done'],
      ['s2', 'open'],
      ['s3', 'unassigned'],
    ]);
  });

  it('names each study’s coders in the order they were assigned, with their own state', () => {
    expect(rows[0]!.coders.map((c) => c.name)).toEqual(['Astrid', 'Bo']);
    expect(rows[1]!.coders).toEqual([
      { userId: 'astrid', name: 'Astrid', done: true, highlights: 0 },
      { userId: 'bo', name: 'Bo', done: false, highlights: 1 },
    ]);
  });

  it('totals studies assigned, left to assign and done', () => {
    expect(progressTotals(rows)).toEqual({ studies: 3, assigned: 2, unassigned: 1, done: 1 });
  });
});

describe('coderProgress', () => {
  it('counts each coder’s assigned, started and done studies from the assignments themselves', () => {
    const rows = coderProgress({
      coders: [
        // Totals as the server last sent them; a study marked done since is counted here.
        { userId: 'bo', name: 'Bo', assigned: 3, done: 0, started: 1 },
        { userId: 'cem', name: 'Cem', assigned: 0, done: 0, started: 0 },
        { userId: 'astrid', name: 'Astrid', assigned: 2, done: 0, started: 0 },
      ],
      assignments: [
        assignment('s1', 'bo', { highlights: 3 }),
        assignment('s2', 'bo', { done: '2026-11-05T00:00:00Z' }),
        assignment('s3', 'bo'),
        assignment('s1', 'astrid'),
      ],
    });
    expect(rows.map((r) => [r.name, r.assigned, r.started, r.done, r.share])).toEqual([
      ['Astrid', 1, 0, 0, 0],
      ['Bo', 3, 2, 1, 1 / 3],
      // Nothing assigned: no share rather than 0 %.
      ['Cem', 0, 0, 0, null],
    ]);
  });
});

describe('myQueue', () => {
  it('shows my studies still to do first, in citation order, then those done, latest first', () => {
    const queue = myQueue(
      studies,
      [
        assignment('s1', 'me', { done: '2026-11-03T00:00:00Z' }),
        assignment('s2', 'me', { done: '2026-11-05T00:00:00Z' }),
        assignment('s3', 'me'),
        assignment('s1', 'someone else'),
      ],
      'me',
    );
    expect(queue.map((q) => q.study.id)).toEqual(['s3', 's2', 's1']);
    expect(myQueue(studies, [], 'me')).toEqual([]);
  });
});
