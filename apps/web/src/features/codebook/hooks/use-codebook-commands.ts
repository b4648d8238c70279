import type { Code } from '@kodbok/contracts';
import { useToast } from '../../../components/toast';
import { errorText } from '../../../components/error-text';
import { useUpdateCode } from '../api/update-code';
import type { CodeAction } from '../components/code-dialog';
import type { MenuCommand } from '../components/code-menu';
import type { TreeRow } from '../lib/tree-rows';

/** What a row's menu item or a drop does: immediate moves, or a dialog for the rest. */
export function useCodebookCommands(
  projectId: string,
  codes: readonly Code[],
  rows: readonly TreeRow[],
  openDialog: (action: CodeAction) => void,
) {
  const update = useUpdateCode(projectId);
  const notify = useToast();
  const onError = (error: unknown) => notify({ message: errorText(error), kind: 'error' });

  // Each change is said in a toast with Undo (useUpdateCode, given the code as it was).
  const moveUnder = (codeId: string, parentId: string | null) => {
    const code = codes.find((c) => c.id === codeId);
    update.mutate({ codeId, body: { parentId }, before: code, codes }, { onError });
  };

  const run = (code: Code, command: MenuCommand) => {
    if (command === 'up' || command === 'down') {
      const row = rows.find((r) => r.code.id === code.id);
      if (!row) return;
      // position is the 0-based index among siblings; the row's is 1-based for ARIA.
      const position = row.position - 1 + (command === 'up' ? -1 : 1);
      update.mutate({ codeId: code.id, body: { position }, before: code, codes }, { onError });
    } else if (command === 'new-child') {
      openDialog({ kind: 'new', parentId: code.id });
    } else {
      openDialog({ kind: command, code });
    }
  };

  return { run, moveUnder };
}
