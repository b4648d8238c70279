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
 * pushing a command must not re-render the workspace. One command runs at a time.
 */
export function useUndoStack() {
  const stack = useRef(emptyStack);
  const busy = useRef(false);

  async function run(direction: 'undo' | 'redo'): Promise<string | null> {
    if (busy.current) return null;
    const taken = (direction === 'undo' ? takeUndo : takeRedo)(stack.current);
    if (!taken) return null;
    // Off the stack while it runs, so an action taken meanwhile is not overwritten afterwards.
    stack.current = taken.rest;
    busy.current = true;
    try {
      const ok = await taken.command[direction]();
      // A refused command is dropped: running it again would fail the same way.
      if (ok) stack.current = parkCommand(stack.current, taken.command, direction);
      return ok ? taken.command.label : null;
    } finally {
      busy.current = false;
    }
  }

  return {
    push: (command: Command) => {
      stack.current = pushCommand(stack.current, command);
    },
    undo: () => run('undo'),
    redo: () => run('redo'),
    /** Undo one particular command (the Undo link of its toast), wherever it is in the stack. */
    async undoCommand(command: Command): Promise<boolean> {
      if (stack.current.past.at(-1) === command) return (await run('undo')) !== null;
      if (!stack.current.past.includes(command)) return false;
      stack.current = { ...stack.current, past: stack.current.past.filter((c) => c !== command) };
      return command.undo();
    },
  };
}
