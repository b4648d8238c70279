import type { Assignment, Assignments } from '@kodbok/contracts';
import { compareText } from '@kodbok/core';

/** A study as the progress views need it. */
export interface StudyRef {
  id: string;
  label: string;
  title: string;
}

export type StudyStatus = 'unassigned' | 'open' | 'done';

export interface StudyProgress {
  study: StudyRef;
  /** Its coders, in the order they were assigned. */
  coders: Array<{ userId: string; name: string; done: boolean; highlights: number }>;
  /** done: every assigned coder marked it done. */
  status: StudyStatus;
}

export interface CoderProgress {
  userId: string;
  name: string;
  assigned: number;
  /** Assigned studies with at least one of their highlights (or marked done). */
  started: number;
  done: number;
  /** done / assigned; null with nothing assigned. */
  share: number | null;
}

/**
 * Progress per study: who is assigned, who is done. Every study is listed, unassigned ones too
 * (they are what is left to hand out). Assignments of studies not in `studies` are ignored.
 */
export function studyProgress(
  studies: readonly StudyRef[],
  assignments: readonly Assignment[],
  nameOf: (userId: string) => string,
): StudyProgress[] {
  const byStudy = new Map<string, Assignment[]>();
  for (const a of assignments) {
    const list = byStudy.get(a.studyId) ?? [];
    list.push(a);
    byStudy.set(a.studyId, list);
  }
  return studies.map((study) => {
    const own = [...(byStudy.get(study.id) ?? [])].sort((a, b) =>
      a.assignedAt.localeCompare(b.assignedAt),
    );
    const coders = own.map((a) => ({
      userId: a.userId,
      name: nameOf(a.userId),
      done: a.doneAt !== null,
      highlights: a.highlights,
    }));
    const status: StudyStatus =
      coders.length === 0 ? 'unassigned' : coders.every((c) => c.done) ? 'done' : 'open';
    return { study, coders, status };
  });
}

/**
 * Progress per coder, counted from the assignments themselves so an optimistic "done" shows at
 * once; coders the server lists without assignments keep a row of zeros. Sorted by name.
 */
export function coderProgress(data: Assignments): CoderProgress[] {
  const rows = new Map<string, CoderProgress>();
  const row = (userId: string, name: string) => {
    let r = rows.get(userId);
    if (!r) {
      r = { userId, name, assigned: 0, started: 0, done: 0, share: null };
      rows.set(userId, r);
    }
    return r;
  };
  for (const c of data.coders) row(c.userId, c.name);
  for (const a of data.assignments) {
    const r = row(a.userId, a.userId);
    r.assigned++;
    if (a.doneAt !== null) r.done++;
    if (a.highlights > 0 || a.doneAt !== null) r.started++;
  }
  return [...rows.values()]
    .map((r) => ({ ...r, share: r.assigned > 0 ? r.done / r.assigned : null }))
    .sort((a, b) => compareText(a.name, b.name));
}

/** Totals for the page's summary line. */
export function progressTotals(rows: readonly StudyProgress[]) {
  let assigned = 0;
  let done = 0;
  for (const r of rows) {
    if (r.status !== 'unassigned') assigned++;
    if (r.status === 'done') done++;
  }
  return { studies: rows.length, assigned, unassigned: rows.length - assigned, done };
}

export interface QueueItem {
  study: StudyRef;
  assignment: Assignment;
}

/**
 * A coder's queue: their assigned studies, those still to do first (in the order given, which
 * is citation order), then those done, most recently done first.
 */
export function myQueue(
  studies: readonly StudyRef[],
  assignments: readonly Assignment[],
  meId: string,
): QueueItem[] {
  const mine = new Map(assignments.filter((a) => a.userId === meId).map((a) => [a.studyId, a]));
  const items = studies.flatMap((study) => {
    const assignment = mine.get(study.id);
    return assignment ? [{ study, assignment }] : [];
  });
  const open = items.filter((i) => i.assignment.doneAt === null);
  const done = items
    .filter((i) => i.assignment.doneAt !== null)
    .sort((a, b) => b.assignment.doneAt!.localeCompare(a.assignment.doneAt!));
  return [...open, ...done];
}
