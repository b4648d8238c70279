import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CONSENSUS_CODER_ID, type Highlight, type Role } from '@kodbok/contracts';
import type { Span } from '@kodbok/core';
import { SkeletonRows } from '../../../components/skeleton';
import { FormError } from '../../../components/form-error';
import { can } from '../../../lib/policy';
import { useDocument } from '../api/get-document';
import { useCodes } from '../../../lib/queries/get-codes';
import { CodingContext, type CodingContextValue } from '../hooks/coding-context';
import { useCodingActions } from '../hooks/use-coding-actions';
import { useEmphasis, useSelectedHighlightStyle } from '../hooks/use-emphasis';
import { useRecentCodes } from '../hooks/use-recent-codes';
import { useUndoKeys } from '../hooks/use-undo-keys';
import type { Coder } from '../hooks/use-highlight-mutations';
import type { CoderView } from '../hooks/use-coder-view';
import { coderLegend, type CoderMark } from '../lib/coder-marks';
import type { Document, Code } from '@kodbok/contracts';

interface Props {
  projectId: string;
  documentId: string;
  me: Coder;
  role: Role;
  /** May change the codebook (lib/policy): the pickers then offer "Create code" and in-vivo. */
  canEditCodebook: boolean;
  /** Whose coding is shown (useCoderView): the document and codebook are fetched for it. */
  view: CoderView;
  /** A highlight to select and scroll to on arrival (links from the analysis excerpts). */
  initialHighlightId?: string;
  /** Rendered with the context once document and codes are loaded. */
  children: ReactNode;
}

/** Loads one document and the codebook, then shares selection, actions and hover with the panes. */
export function CodingProvider({
  projectId,
  documentId,
  me,
  role,
  canEditCodebook,
  view,
  initialHighlightId,
  children,
}: Props) {
  const document = useDocument(documentId, view.coders);
  const codes = useCodes(projectId, view.coders);
  if (document.error || codes.error) {
    return (
      <main className="doc-pane">
        <FormError error={document.error ?? codes.error} />
      </main>
    );
  }
  if (!document.data || !codes.data) {
    return (
      <main className="doc-pane" aria-busy="true">
        <SkeletonRows count={12} label="Loading the document" />
      </main>
    );
  }
  return (
    <LoadedProvider
      key={documentId}
      document={document.data}
      codes={codes.data}
      projectId={projectId}
      me={me}
      role={role}
      canEditCodebook={canEditCodebook}
      view={view}
      initialHighlightId={initialHighlightId}
    >
      {children}
    </LoadedProvider>
  );
}

function LoadedProvider({
  document,
  codes,
  projectId,
  me,
  role,
  canEditCodebook,
  view,
  initialHighlightId,
  children,
}: Omit<Props, 'documentId'> & { document: Document; codes: Code[] }) {
  // Live counts change with every coding action, but the text and stripes only show names and
  // colours: keep the same map (so the runs are not rebuilt) until one of those changes.
  const signature = codes.map((c) => `${c.id}\t${c.parentId}\t${c.name}\t${c.color}`).join('\n');
  const codeById = useMemo(
    () => new Map(codes.map((c) => [c.id, c])),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on what is shown, see above
    [signature],
  );
  const actions = useCodingActions(document, codeById, me, {
    coders: view.coders,
    intoConsensus: view.intoConsensus,
  });
  const { marks, legend } = useCoderMarks(view, document.highlights);
  const [selection, setSelection] = useState<{ ids: readonly string[]; index: number }>(() => ({
    ids: document.highlights.some((h) => h.id === initialHighlightId) ? [initialHighlightId!] : [],
    index: 0,
  }));
  const [recentCodeIds, noteCodesUsed] = useRecentCodes(projectId);
  const { emphasise } = useEmphasis();
  const textRef = useRef<HTMLDivElement>(null);
  useScrollToHighlight(textRef, initialHighlightId);
  const lastSpanRef = useRef<Span | null>(null);
  useUndoKeys(
    () => void actions.undo(),
    () => void actions.redo(),
  );

  const canCode = can(role, 'code');
  const value: CodingContextValue = {
    document,
    codes,
    codeById,
    me,
    role,
    canCode,
    canEditCodebook,
    mayChange: (h: Highlight) =>
      can(role, 'editOthersHighlights') || (canCode && h.coderId === me.id),
    selection,
    select: (ids, index = 0) => setSelection({ ids, index }),
    actions,
    recentCodeIds,
    noteCodesUsed,
    textRef,
    lastSpanRef,
    emphasise,
    view,
    marks,
    legend,
  };
  useSelectedHighlightStyle(selection.ids[selection.index]);
  return <CodingContext.Provider value={value}>{children}</CodingContext.Provider>;
}

/**
 * The coder marks and legend for the coding on screen. The marks map keeps its identity until a
 * mark changes (not with every highlight), so coding a passage does not rebuild every chunk.
 */
function useCoderMarks(view: CoderView, highlights: readonly Highlight[]) {
  const { choice, options } = view;
  const model = useMemo(
    () => coderLegend(choice, options, highlights, CONSENSUS_CODER_ID),
    [choice, options, highlights],
  );
  const signature = model
    ? [...model.marks.values()].map((m) => `${m.coderId}\t${m.initials}\t${m.pattern}`).join('\n')
    : '';
  const marks: ReadonlyMap<string, CoderMark> | null = useMemo(
    () => model?.marks ?? null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on what is shown, see above
    [signature],
  );
  return { marks, legend: model?.legend ?? null };
}

/** Brings a linked highlight into view once, when the document first renders. */
function useScrollToHighlight(
  textRef: React.RefObject<HTMLDivElement | null>,
  highlightId: string | undefined,
) {
  useEffect(() => {
    if (!highlightId) return;
    const el = textRef.current?.querySelector(
      `.hl[data-highlight-ids~=${JSON.stringify(highlightId)}]`,
    );
    el?.scrollIntoView({ block: 'center' });
  }, [textRef, highlightId]);
}
