import { useRef } from 'react';
import {
  emptyStack,
  parkCommand,
  pushCommand,
  takeRedo,
  takeUndo,
  type Command,
} from '../lib/command-stack';

/**
 * Holds the session's command stack. It lives in a ref: nothing on screen depends on it, so
 * pushing a command must not re-render the workspace.
 *
 * Ctrl+Z pressed while an action is still on its way to the server means "undo that action",
 * not the one before it: undo and redo first wait for every action in flight (`track`), and run
 * one after another, so pressing Ctrl+Z three times quickly undoes three commands.
 */
export function useUndoStack() {
  const stack = useRef(emptyStack);
  const inFlight = useRef(new Set<Promise<unknown>>());
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  async function run(direction: 'undo' | 'redo'): Promise<string | null> {
    await Promise.allSettled([...inFlight.current]);
    const taken = (direction === 'undo' ? takeUndo : takeRedo)(stack.current);
    if (!taken) return null;
    // Off the stack while it runs, so an action taken meanwhile is not overwritten afterwards.
    stack.current = taken.rest;
    const ok = await taken.command[direction]();
    // A refused command is dropped: running it again would fail the same way.
    if (ok) stack.current = parkCommand(stack.current, taken.command, direction);
    return ok ? taken.command.label : null;
  }

  function enqueue<T>(step: () => Promise<T>): Promise<T> {
    const next = queue.current.then(step, step);
    queue.current = next.catch(() => undefined);
    return next;
  }

  return {
    push: (command: Command) => {
      stack.current = pushCommand(stack.current, command);
    },
    /** Registers an action in flight; undo and redo wait for it. */
    track<T>(action: Promise<T>): Promise<T> {
      inFlight.current.add(action);
      void action.finally(() => inFlight.current.delete(action)).catch(() => undefined);
      return action;
    },
    undo: () => enqueue(() => run('undo')),
    redo: () => enqueue(() => run('redo')),
    /** Undo one particular command (the Undo link of its toast), wherever it is in the stack. */
    undoCommand: (command: Command): Promise<boolean> =>
      enqueue(async () => {
        if (stack.current.past.at(-1) === command) return (await run('undo')) !== null;
        if (!stack.current.past.includes(command)) return false;
        stack.current = { ...stack.current, past: stack.current.past.filter((c) => c !== command) };
        return command.undo();
      }),
  };
}
