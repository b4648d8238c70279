/**
 * The read worker's in-memory copies of one kind, one per project (decisions 020, 025): made on
 * first use, kept current from a change log inside each view's read transaction, the least
 * recently used dropped once they hold more than `maxHeld`, and one no view read for `unusedMs`
 * dropped when they are caught up between views.
 */
export interface ProjectCopy {
  /** The last change of the log applied. */
  seq: number;
  /** When a view last read it (ms). */
  usedAt: number;
}

/**
 * A copy no view has read for this long is dropped (the worker may then stop when idle). Long:
 * reading a big project's copy again takes seconds, and a supervisor comes back after lunch.
 */
export const UNUSED_MS = 2 * 60 * 60_000;

export function projectCopies<T extends ProjectCopy>(opts: {
  /** Reads the project's copy (in the caller's read transaction). */
  load: (projectId: string) => T;
  /** Applies the changes logged since the copy's `seq`; false when it must be read again. */
  catchUp: (projectId: string, copy: T) => boolean;
  /** What a copy holds, in the unit of `maxHeld`. */
  size: (copy: T) => number;
  maxHeld: number;
  /** Unread this long, a copy is dropped (default UNUSED_MS). */
  unusedMs?: number;
}) {
  const unusedMs = opts.unusedMs ?? UNUSED_MS;
  const copies = new Map<string, T>();
  return {
    /** The project's copy, current as of the caller's read transaction. */
    current(projectId: string): T {
      let p = copies.get(projectId);
      if (!p || !opts.catchUp(projectId, p)) p = opts.load(projectId);
      p.usedAt = Date.now();
      copies.delete(projectId);
      copies.set(projectId, p); // the most recently used last
      let held = 0;
      for (const [id, c] of [...copies].reverse()) {
        held += opts.size(c);
        if (held > opts.maxHeld && id !== projectId) copies.delete(id);
      }
      return p;
    },
    holds(projectId: string): boolean {
      return copies.has(projectId);
    },
    /**
     * Brings every copy up to date (in the caller's read transaction), so that a view finds
     * little to apply and the log can be pruned: the oldest change a copy still needs (its last
     * applied), or null when none is held. Copies unread for a while go.
     */
    catchUpAll(): number | null {
      let oldest: number | null = null;
      for (const [projectId, p] of copies) {
        if (Date.now() - p.usedAt > unusedMs || !opts.catchUp(projectId, p))
          copies.delete(projectId);
        else oldest = Math.min(oldest ?? p.seq, p.seq);
      }
      return oldest;
    },
  };
}
