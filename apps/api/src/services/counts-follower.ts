import { isBusy, pruneLog, waitingAtMost, type Db } from '@kodbok/db';
import type { ReadRunner } from './read-runner';

/**
 * Rows of counts_log always kept. A copy further behind than this (the worker busy for minutes,
 * or a codebook change that rewrote a million counts) is read again instead.
 */
const MAX_BACKLOG = 500_000;
/** Rows deleted per turn: a few ms of writing on the API thread. */
const CHUNK = 20_000;

/**
 * Every `everyMs`, lets the read worker apply the counts and highlights changed since (so a view
 * finds them applied), then prunes counts_log and highlights_log up to what its copies have taken
 * (docs/decisions/020, 025). The next turn waits for this one.
 */
export function startCountsFollower(
  db: Db,
  runRead: ReadRunner,
  onError: (err: unknown) => void,
  everyMs = 2_000,
) {
  let running = false;
  let stopped = false;
  const turn = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const through = await runRead.catchUp();
      // Never waits for the write lock: during an import, pruning waits for a later turn.
      waitingAtMost(db, 0, () => {
        pruneLog(db, 'counts_log', {
          through: through.counts,
          maxBacklog: MAX_BACKLOG,
          chunk: CHUNK,
        });
        pruneLog(db, 'highlights_log', {
          through: through.highlights,
          maxBacklog: MAX_BACKLOG,
          chunk: CHUNK,
        });
      });
    } catch (err) {
      // The server closing stops the worker under a turn: that is no failure.
      if (!stopped && !isBusy(err)) onError(err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void turn(), everyMs);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
