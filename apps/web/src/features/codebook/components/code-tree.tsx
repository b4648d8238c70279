import { useRef } from 'react';
import type { Code } from '@kodbok/contracts';
import { useCodeDrag } from '../hooks/use-code-drag';
import { useTreeKeys } from '../hooks/use-tree-keys';
import type { TreeRow } from '../lib/tree-rows';
import { CodeRow } from './code-row';
import type { MenuCommand } from './code-menu';

interface Props {
  codes: readonly Code[];
  rows: readonly TreeRow[];
  canEdit: boolean;
  setExpanded: (codeId: string, expanded: boolean) => void;
  onHoverCode: (codeId: string | null) => void;
  onCommand: (code: Code, command: MenuCommand) => void;
  moveUnder: (codeId: string, parentId: string | null) => void;
}

/** The codebook as a WAI-ARIA tree (flat list with aria-level), with drag and drop to re-parent. */
export function CodeTree({
  codes,
  rows,
  canEdit,
  setExpanded,
  onHoverCode,
  onCommand,
  moveUnder,
}: Props) {
  const treeRef = useRef<HTMLUListElement>(null);
  const keys = useTreeKeys(treeRef, rows, setExpanded);
  const drag = useCodeDrag(codes, moveUnder);
  return (
    <>
      <ul
        className="code-tree"
        role="tree"
        aria-label="Codebook"
        ref={treeRef}
        onKeyDown={keys.onKeyDown}
      >
        {rows.map((row) => (
          <CodeRow
            key={row.code.id}
            row={row}
            active={row.code.id === keys.activeId}
            canEdit={canEdit}
            dropTarget={drag.over === row.code.id}
            onFocus={() => keys.setActiveId(row.code.id)}
            onToggle={() => setExpanded(row.code.id, !row.expanded)}
            onHover={onHoverCode}
            onCommand={(command) => onCommand(row.code, command)}
            drag={drag.handlers(row.code.id)}
          />
        ))}
      </ul>
      {drag.dragging && (
        <div
          className={drag.over === 'top' ? 'code-drop-top is-drop' : 'code-drop-top'}
          {...drag.handlers(null)}
          onDragStart={undefined}
        >
          Drop here to move to the top level
        </div>
      )}
    </>
  );
}
