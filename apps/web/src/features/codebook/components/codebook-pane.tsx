import { useMemo, useState } from 'react';
import type { Code } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import { useCodes } from '../../../lib/queries/get-codes';
import { useCodebookCommands } from '../hooks/use-codebook-commands';
import { treeRows } from '../lib/tree-rows';
import { CodeDialog, type CodeAction } from './code-dialog';
import { CodeTree } from './code-tree';
import '../codebook.css';

const NO_CODES: readonly Code[] = [];

interface Props {
  projectId: string;
  /** Whose highlights the counts are of (the `coders` parameter); default everyone's. */
  coders?: string;
  /** Owners and supervisors, or coders when the project lets them (the server checks too). */
  canEdit: boolean;
  /** Hovering a code emphasises its passages in the document (wired in app/). */
  onHoverCode: (codeId: string | null) => void;
}

/** The codebook pane: filter, the tree of themes and codes with live counts, and its edits. */
export function CodebookPane({ projectId, coders, canEdit, onHoverCode }: Props) {
  const codes = useCodes(projectId, coders);
  const [filter, setFilter] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [action, setAction] = useState<CodeAction | null>(null);
  const list: readonly Code[] = codes.data ?? NO_CODES;
  const rows = useMemo(() => treeRows(list, collapsed, filter), [list, collapsed, filter]);
  const commands = useCodebookCommands(projectId, list, rows, setAction);

  const setExpanded = (codeId: string, expanded: boolean) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (expanded) next.delete(codeId);
      else next.add(codeId);
      return next;
    });

  return (
    <section className="codebook" aria-labelledby="codebook-title">
      <div className="codebook-head">
        <h2 id="codebook-title" className="pane-title">
          Codebook
        </h2>
        {canEdit && (
          <button
            type="button"
            className="button button-small"
            onClick={() => setAction({ kind: 'new', parentId: null })}
          >
            New code
          </button>
        )}
      </div>
      <input
        type="search"
        className="codebook-filter"
        aria-label="Filter codes"
        placeholder="Filter codes…"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {codes.isPending && <SkeletonRows count={8} label="Loading the codebook" />}
      <FormError error={codes.error} />
      {codes.data && rows.length === 0 && (
        <p className="muted codebook-empty">
          {list.length === 0
            ? canEdit
              ? 'No codes yet — create one with “New code”, or code a passage and type a new name.'
              : 'No codes yet.'
            : 'No code matches the filter.'}
        </p>
      )}
      {codes.data && (
        <CodeTree
          codes={list}
          rows={rows}
          canEdit={canEdit}
          setExpanded={setExpanded}
          onHoverCode={onHoverCode}
          onCommand={commands.run}
          moveUnder={commands.moveUnder}
        />
      )}
      <CodeDialog
        action={action}
        codes={list}
        projectId={projectId}
        onClose={() => setAction(null)}
      />
    </section>
  );
}
