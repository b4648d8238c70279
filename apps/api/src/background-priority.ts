import { getPriority, setPriority } from 'node:os';

/** The thread's priority before yieldToApiThread lowered it (null: it was not lowered). */
let normal: number | null = null;
const LOW = 10;

/**
 * Lowers the calling worker thread's scheduling priority, so that on a busy machine the API
 * thread (a coder's click) gets the cores first, and a heavy read, an import or an export only
 * takes a little longer (issue 12's mixed load). On Linux a nice value belongs to the thread
 * that sets it; elsewhere setPriority would lower the whole server, so there it is left alone.
 */
export function yieldToApiThread(): void {
  if (process.platform !== 'linux') return;
  try {
    const before = getPriority();
    setPriority(LOW);
    normal = before;
  } catch {
    // Not permitted here (a container may forbid it): the thread runs at normal priority.
  }
}

/**
 * Runs `fn`, which holds SQLite's write lock (an import's slice or final transaction), at the
 * thread's normal priority: at low priority on a saturated machine the slice could wait a second
 * for a core while the API thread, needing the lock, waits for it (priority inversion; seen in
 * the mixed benchmark). Raising a priority again needs the privilege to (root, or RLIMIT_NICE);
 * without it `fn` runs at low priority, as before.
 */
export function atNormalPriority<T>(fn: () => T): T {
  if (normal === null) return fn();
  let raised = false;
  try {
    setPriority(normal);
    raised = true;
  } catch {
    // Not permitted: stay low.
  }
  try {
    return fn();
  } finally {
    if (raised) setPriority(LOW);
  }
}
