/**
 * Undo/redo as a pure stack of commands. A command knows how to undo and redo itself by calling
 * the API; it answers false when the server refused, and is then dropped rather than moved.
 */
export interface Command {
  /** Said back after undo/redo, e.g. "Coded as Stigma". */
  label: string;
  undo: () => Promise<boolean>;
  redo: () => Promise<boolean>;
}

export interface CommandStack {
  past: readonly Command[];
  future: readonly Command[];
}

export const emptyStack: CommandStack = { past: [], future: [] };

/** A new action clears the redo branch, as in every editor. */
export function pushCommand(stack: CommandStack, command: Command): CommandStack {
  return { past: [...stack.past.slice(-199), command], future: [] };
}

/** The command to undo and the stack without it; park it with `undone` once it has run. */
export function takeUndo(stack: CommandStack) {
  const command = stack.past.at(-1);
  if (!command) return null;
  return { command, rest: { past: stack.past.slice(0, -1), future: stack.future } };
}

export function takeRedo(stack: CommandStack) {
  const command = stack.future.at(-1);
  if (!command) return null;
  return { command, rest: { past: stack.past, future: stack.future.slice(0, -1) } };
}

/** Where a command goes after it ran: undone ones can be redone and vice versa. */
export function parkCommand(
  stack: CommandStack,
  command: Command,
  ran: 'undo' | 'redo',
): CommandStack {
  return ran === 'undo'
    ? { ...stack, future: [...stack.future, command] }
    : { ...stack, past: [...stack.past, command] };
}

/**
 * Undoing a delete re-creates the highlight under a new id. Commands keep the id they saw; this
 * map chains old ids to their replacements (a → b → c) so every command finds today's id.
 */
export function resolveId(replacements: ReadonlyMap<string, string>, id: string): string {
  let current = id;
  for (let i = 0; i < 1000 && replacements.has(current); i++) current = replacements.get(current)!;
  return current;
}
