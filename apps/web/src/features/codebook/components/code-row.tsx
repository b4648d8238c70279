import type { DragEvent } from 'react';
import { codeCountLabel } from '../lib/count-label';
import type { TreeRow } from '../lib/tree-rows';
import { CodeMenu, type MenuCommand } from './code-menu';

interface Props {
  row: TreeRow;
  active: boolean;
  canEdit: boolean;
  dropTarget: boolean;
  onFocus: () => void;
  onToggle: () => void;
  onHover: (codeId: string | null) => void;
  onCommand: (command: MenuCommand) => void;
  drag: {
    onDragStart: (e: DragEvent) => void;
    onDragOver: (e: DragEvent) => void;
    onDrop: (e: DragEvent) => void;
    onDragEnd: () => void;
  };
}

/** One code in the tree: expander, swatch, name (definition on hover), count, actions menu. */
export function CodeRow({
  row,
  active,
  canEdit,
  dropTarget,
  onFocus,
  onToggle,
  onHover,
  onCommand,
  drag,
}: Props) {
  const { code, depth, hasChildren, expanded, total } = row;
  const disabled = new Set<MenuCommand>();
  if (row.position <= 1) disabled.add('up');
  if (row.position >= row.siblings) disabled.add('down');
  const count = hasChildren ? total : code.highlightCount;
  const countLabel = codeCountLabel(count, hasChildren);
  return (
    <li
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={hasChildren ? expanded : undefined}
      aria-posinset={row.position}
      aria-setsize={row.siblings}
      aria-selected={active}
      aria-label={`${code.name}, ${countLabel}`}
      data-code-id={code.id}
      tabIndex={active ? 0 : -1}
      className={dropTarget ? 'code-row is-drop' : 'code-row'}
      title={code.description || undefined}
      draggable={canEdit}
      onFocus={(e) => e.target === e.currentTarget && onFocus()}
      onMouseEnter={() => onHover(code.id)}
      onMouseLeave={() => onHover(null)}
      {...drag}
    >
      <div className="code-row-inner" style={{ paddingLeft: `${depth * 16 + 4}px` }}>
        <span
          className={hasChildren ? 'code-toggle' : 'code-toggle is-leaf'}
          aria-hidden="true"
          onClick={hasChildren ? onToggle : undefined}
        >
          {hasChildren ? (expanded ? '▾' : '▸') : ''}
        </span>
        <span className="swatch" aria-hidden="true" style={{ background: code.color }} />
        <span className={hasChildren ? 'code-name is-theme' : 'code-name'}>{code.name}</span>
        <span
          className={hasChildren ? 'code-count is-sum' : 'code-count'}
          aria-hidden="true"
          title={countLabel}
        >
          {count}
        </span>
        {canEdit && (
          <CodeMenu code={code} tabbable={active} disabled={disabled} onCommand={onCommand} />
        )}
      </div>
    </li>
  );
}
