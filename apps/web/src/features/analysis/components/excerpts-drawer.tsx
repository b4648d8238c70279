import { useEffect, useRef } from 'react';
import type { AnalysisFilter } from '../api/analysis-params';
import { ExcerptList } from './excerpt-list';

/** What a clicked cell stands for: a code (with descendants) in one study, or two codes together. */
export interface CellTarget {
  codeId: string;
  codeName: string;
  studyId?: string;
  studyLabel?: string;
  otherCodeId?: string;
  otherCodeName?: string;
  /** Two codes on one highlight (co-occurrence by highlight), rather than either of them. */
  allCodes?: boolean;
}

interface Props {
  projectId: string;
  filter: AnalysisFilter;
  target: CellTarget | null;
  codeName: (id: string) => string;
  onClose: () => void;
}

/**
 * The excerpts behind a table cell, in a side drawer (a native modal <dialog>: focus stays inside,
 * Escape closes, focus returns to the cell).
 */
export function ExcerptsDrawer({ projectId, filter, target, codeName, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (target && dialog && !dialog.open) dialog.showModal();
    if (!target && dialog?.open) dialog.close();
  }, [target]);
  const codes = target ? [target.codeId, ...(target.otherCodeId ? [target.otherCodeId] : [])] : [];
  const title = target
    ? target.otherCodeName
      ? `${target.codeName} ${target.allCodes ? 'with' : 'or'} ${target.otherCodeName}`
      : `${target.codeName}${target.studyLabel ? ` in ${target.studyLabel}` : ''}`
    : '';
  return (
    <dialog ref={ref} className="drawer" aria-labelledby="drawer-title" onClose={onClose}>
      {target && (
        <>
          <div className="drawer-head">
            <h2 id="drawer-title">{title}</h2>
            <button type="button" className="button button-small" onClick={onClose}>
              Close
            </button>
          </div>
          <ExcerptList
            projectId={projectId}
            filter={{ ...filter, codes }}
            selection={{
              q: '',
              studies: target.studyId ? [target.studyId] : [],
              allCodes: codes.length > 1,
            }}
            codeName={codeName}
            empty="No excerpts here any more — the coding changed."
          />
        </>
      )}
    </dialog>
  );
}
