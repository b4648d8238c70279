import { setPriority } from 'node:os';

/**
 * Lowers the calling worker thread's scheduling priority, so that on a busy machine the API
 * thread (a coder's click) gets the cores first, and a heavy read, an import or an export only
 * takes a little longer (issue 12's mixed load). On Linux a nice value belongs to the thread
 * that sets it; elsewhere setPriority would lower the whole server, so there it is left alone.
 */
export function yieldToApiThread(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(10);
  } catch {
    // Not permitted here (a container may forbid it): the thread runs at normal priority.
  }
}
