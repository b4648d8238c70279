import { useRef } from 'react';
import {
  CONSENSUS_CODER_ID,
  type Code,
  type Document,
  type Highlight,
  type UpdateHighlightBody,
} from '@kodbok/contracts';
import type { Span } from '@kodbok/core';
import { useToast } from '../../../components/toast';
import { resolveId, type Command } from '../lib/command-stack';
import { sameSpanOf } from '../lib/highlight-cache';
import { useHighlightMutations, type Coder, type CodingTarget } from './use-highlight-mutations';
import { useUndoStack } from './use-undo-stack';

export type CodingActions = ReturnType<typeof useCodingActions>;

/**
 * Every coding action the user can take, each pushed onto the undo stack with its inverse.
 * Inverses go through the API like the actions; a re-created highlight gets a new id, which the
 * replacements map records so older commands still find it.
 */
export function useCodingActions(
  document: Document,
  codes: ReadonlyMap<string, Code>,
  me: Coder,
  target: CodingTarget,
) {
  const raw = useHighlightMutations(document, me, target);
  const stack = useUndoStack();
  const notify = useToast();
  const replacements = useRef(new Map<string, string>());
  const current = (id: string) => resolveId(replacements.current, id);
  /** "Stigma, Funding"; `fresh` are codes just created, not in the codebook on screen yet. */
  const names = (ids: readonly string[], fresh: readonly Code[] = []) =>
    ids
      .map((id) => codes.get(id)?.name ?? fresh.find((c) => c.id === id)?.name ?? 'a code')
      .join(', ');

  async function recreate(id: string, snapshot: Highlight): Promise<boolean> {
    const { start, end, quote, codeIds, memo } = snapshot;
    // A consensus highlight comes back into the consensus coding.
    const consensus = snapshot.coderId === CONSENSUS_CODER_ID ? { consensus: true } : {};
    const again = await raw.create({ start, end, quote, codeIds, memo, ...consensus });
    if (again) replacements.current.set(current(id), again.highlight.id);
    return again !== null;
  }

  return {
    /**
     * Codes a passage; resolves to its highlight, or null when the server refused. On the coder's
     * own highlight of the same span the codes join it (server and cache alike), and undo takes
     * back only the codes added.
     */
    async code(
      span: Span,
      codeIds: string[],
      newCodes: readonly Code[] = [],
    ): Promise<Highlight | null> {
      const quote = document.text.slice(span.start, span.end);
      const into = target.intoConsensus ? { consensus: true } : {};
      const coderId = target.intoConsensus ? CONSENSUS_CODER_ID : me.id;
      const same = sameSpanOf(document.highlights, { coderId, ...span });
      const result = await stack.track(
        raw.create({ start: span.start, end: span.end, quote, codeIds, ...into }),
      );
      if (!result) return null;
      const { highlight: saved, created } = result;
      const label = `Coded as ${names(codeIds, newCodes)}${target.intoConsensus ? ' (consensus)' : ''}`;
      notify({ message: label });
      if (created) {
        stack.push({
          label,
          undo: () => raw.remove(current(saved.id)),
          redo: () => recreate(saved.id, saved),
        });
        return saved;
      }
      // Codes it had before: from the copy on screen, else all but those just applied.
      const before = same?.codeIds ?? saved.codeIds.filter((c) => !codeIds.includes(c));
      if (before.length > 0 && before.length < saved.codeIds.length) {
        const setCodes = async (ids: string[]) =>
          (await raw.update(current(saved.id), { codeIds: ids })) !== null;
        stack.push({ label, undo: () => setCodes(before), redo: () => setCodes(saved.codeIds) });
      }
      return saved;
    },

    /** Changes codes, memo or boundaries; `label` names the change for the undo toast. */
    async change(highlight: Highlight, body: UpdateHighlightBody, label: string): Promise<boolean> {
      const before: UpdateHighlightBody = {};
      for (const key of Object.keys(body) as Array<keyof UpdateHighlightBody>) {
        Object.assign(before, { [key]: highlight[key] });
      }
      const updated = await stack.track(raw.update(current(highlight.id), body));
      if (!updated) return false;
      stack.push({
        label,
        undo: async () => (await raw.update(current(highlight.id), before)) !== null,
        redo: async () => (await raw.update(current(highlight.id), body)) !== null,
      });
      return true;
    },

    /**
     * Stores a memo as it is typed (see lib/memo-drafts). Not on the undo stack: the memo field
     * has the browser's own text undo, and a command per pause in typing would bury the coding
     * actions that Ctrl+Z is for.
     */
    async saveMemo(highlight: Highlight, memo: string | null, keepalive = false): Promise<boolean> {
      const saved = await stack.track(raw.update(current(highlight.id), { memo }, { keepalive }));
      return saved !== null;
    },

    async remove(highlight: Highlight): Promise<boolean> {
      const ok = await stack.track(raw.remove(current(highlight.id)));
      if (!ok) return false;
      const command: Command = {
        label: 'Highlight deleted',
        undo: () => recreate(highlight.id, highlight),
        redo: () => raw.remove(current(highlight.id)),
      };
      stack.push(command);
      notify({
        message: `Highlight deleted (${names(highlight.codeIds)})`,
        action: { label: 'Undo', run: () => void stack.undoCommand(command) },
      });
      return true;
    },

    async undo() {
      const label = await stack.undo();
      if (label) notify({ message: `Undone: ${label}` });
    },
    async redo() {
      const label = await stack.redo();
      if (label) notify({ message: `Redone: ${label}` });
    },
  };
}
