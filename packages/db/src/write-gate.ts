import type { Db } from './connection';

/**
 * A short hold on the API connection's group commits, asked for by the checkpoint worker when it
 * is about to copy the last of the WAL into the database (docs/decisions/009). Only with no write
 * in between can that copy reach the WAL's end, which lets the next write start the WAL afresh.
 * The worker asks through shared memory, and the hold begins right after the next group commit:
 * the coders in that commit have their answers, and the requests that come during the hold are
 * read and checked meanwhile, then commit together at the release. (Begun before a commit, the
 * hold kept every request in flight waiting with nothing left to do: a hold's 5–30 ms was the
 * 99th percentile of highlight creation, issue 13.)
 */
export interface WriteGate {
  /** To hand to the checkpoint worker (see `askForHold`). */
  readonly buffer: SharedArrayBuffer;
  /** Whether group commits must wait now. */
  held(): boolean;
  /** Begins the hold the worker asked for, if it did: called right after a group commit. */
  holdIfAsked(): void;
  /** Ends the hold: the worker is through (or gone). */
  release(): void;
  /** Runs `fn` once the gate is open: now if it is, else at the release. */
  whenOpen(fn: () => void): void;
}

const OPEN = 0;
const ASKED = 1;
const HELD = 2;
/** The longest a hold lasts should the worker not answer (a stalled disk). */
const MAX_HOLD_MS = 100;

const byConnection = new WeakMap<Db, WriteGate>();

/** The gate of `db`'s group commits (one per connection). */
export function writeGateOf(db: Db): WriteGate {
  let gate = byConnection.get(db);
  if (!gate) {
    gate = writeGate();
    byConnection.set(db, gate);
  }
  return gate;
}

function writeGate(): WriteGate {
  const buffer = new SharedArrayBuffer(4);
  const state = new Int32Array(buffer);
  let waiting: Array<() => void> = [];
  let timeout: NodeJS.Timeout | undefined;
  const gate: WriteGate = {
    buffer,
    held: () => Atomics.load(state, 0) === HELD,
    holdIfAsked() {
      if (Atomics.compareExchange(state, 0, ASKED, HELD) !== ASKED) return;
      Atomics.notify(state, 0);
      timeout = setTimeout(() => gate.release(), MAX_HOLD_MS);
    },
    release() {
      clearTimeout(timeout);
      Atomics.store(state, 0, OPEN);
      const run = waiting;
      waiting = [];
      for (const fn of run) fn();
    },
    whenOpen(fn) {
      if (Atomics.load(state, 0) === HELD) waiting.push(fn);
      else fn();
    },
  };
  return gate;
}

/**
 * The worker's side, as source for its eval'd code: asks for a hold and waits up to `maxMs` for
 * the API thread to take it. If it does not (no group commit came, so nothing is being written
 * there), the request is withdrawn; either way the worker goes on with its pass.
 */
export const ASK_FOR_HOLD_SOURCE = `
function askForHold(state, maxMs) {
  Atomics.store(state, 0, ${ASKED});
  Atomics.wait(state, 0, ${ASKED}, maxMs);
  Atomics.compareExchange(state, 0, ${ASKED}, ${OPEN});
}
`;
