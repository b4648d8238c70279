import type { AgreementGrid } from '@kodbok/contracts';
import { formatDateTime } from './format';

interface Props {
  position: string;
  canPrevious: boolean;
  canNext: boolean;
  nextLabel: string;
  /** Looking through the grid for the next study. */
  searching: boolean;
  study: AgreementGrid['studies'][number] | null;
  busy: boolean;
  onStep: (direction: 1 | -1) => void;
  onGoOn: () => void;
  onCopyAgreed: () => void;
  onReconcile: (reconciled: boolean) => void;
}

/** Moving through disagreements (j / k too), across studies, and the study-wide actions. */
export function ReviewToolbar({
  position,
  canPrevious,
  canNext,
  nextLabel,
  searching,
  study,
  busy,
  onStep,
  onGoOn,
  onCopyAgreed,
  onReconcile,
}: Props) {
  return (
    <div className="ag-review-toolbar">
      <div className="ag-step" role="group" aria-label="Disagreements">
        <button
          type="button"
          className="button button-small"
          disabled={!canPrevious}
          aria-keyshortcuts="k"
          onClick={() => onStep(-1)}
        >
          ← Previous
        </button>
        <span className="num ag-position">{position}</span>
        <button
          type="button"
          className="button button-small"
          disabled={!canNext}
          aria-keyshortcuts="j"
          onClick={() => onStep(1)}
        >
          Next →
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={searching}
          aria-busy={searching}
          onClick={onGoOn}
        >
          {nextLabel}
        </button>
        <span className="muted ag-keys">
          <kbd>j</kbd> / <kbd>k</kbd>
        </span>
      </div>
      <div className="ag-study-actions">
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={onCopyAgreed}
        >
          Copy agreed coding to consensus
        </button>
        {study &&
          (study.reconciled ? (
            <>
              <span className="ag-tag ag-tag-done" title={formatDateTime(study.reconciled.at)}>
                Reconciled by {study.reconciled.by}
              </span>
              <button
                type="button"
                className="button button-small"
                disabled={busy}
                onClick={() => onReconcile(false)}
              >
                Reopen
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button-small button-primary"
              disabled={busy}
              onClick={() => onReconcile(true)}
            >
              Mark study reconciled
            </button>
          ))}
      </div>
    </div>
  );
}
