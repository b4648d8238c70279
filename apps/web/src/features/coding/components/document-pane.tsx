import { useMemo, useRef, type ReactNode } from 'react';
import { useCoding } from '../hooks/coding-context';
import { usePickerAnchor } from '../hooks/use-picker-anchor';
import { useChunkEstimates } from '../hooks/use-chunk-estimates';
import { useStripes } from '../hooks/use-stripes';
import { useTextInteraction } from '../hooks/use-text-interaction';
import { createChunkBuilder } from '../lib/chunk-builder';
import { CodePicker } from './code-picker';
import { DocumentText } from './document-text';
import { CoderChoiceControl } from './coder-choice-control';
import { CoderLegend } from './coder-legend';
import '../coding.css';

export interface StudyHeading {
  title: string;
  authors: readonly string[];
  year: number | null;
  journal: string | null;
}

/**
 * The document pane: whose coding is shown, heading, coding stripes, the text, and the picker at
 * the selection. `tools` sit at the end of the toolbar (composed in app/: "Mark study done", the
 * independent-coding badge).
 */
export function DocumentPane({ study, tools }: { study: StudyHeading; tools?: ReactNode }) {
  const { document, codeById, canCode, textRef, select, emphasise, marks, view } = useCoding();
  const bodyRef = useRef<HTMLDivElement>(null);
  const stripesRef = useRef<HTMLDivElement>(null);
  const picker = usePickerAnchor(bodyRef, textRef);
  const handlers = useTextInteraction(textRef, picker.open);
  // The one expensive derivation, recomputed only when highlights or codes change, and then
  // only for the chunks whose highlights changed.
  const buildChunks = useMemo(() => createChunkBuilder(document.text), [document.text]);
  const chunks = useMemo(
    () => buildChunks(document.highlights, codeById, marks),
    [buildChunks, document.highlights, codeById, marks],
  );
  useChunkEstimates(textRef);
  useStripes(stripesRef, textRef, document.highlights, codeById, marks);
  const meta = [study.authors.join(', '), study.year, study.journal].filter(Boolean).join(' · ');

  return (
    <main className="doc-pane" aria-labelledby="doc-title">
      <header className="doc-head">
        <div className="doc-toolbar">
          <CoderChoiceControl />
          {canCode && view.intoConsensus && (
            <p className="doc-consensus" role="status">
              Coding into Consensus
            </p>
          )}
          <div className="doc-tools">{tools}</div>
        </div>
        <h1 id="doc-title">{study.title}</h1>
        {meta && <p className="doc-meta">{meta}</p>}
        <CoderLegend />
        {canCode && !view.showsOwnCoding && (
          <p className="doc-note">
            What you code is saved as your own coding, which is not shown now.
          </p>
        )}
        <p className="doc-help" id="doc-text-help">
          {canCode
            ? 'Select text with the mouse or with Shift+arrow keys, then press C to code it. Ctrl+Z undoes.'
            : 'You can read but not code in this project.'}
        </p>
      </header>
      <div className="doc-body" ref={bodyRef}>
        <div
          ref={stripesRef}
          className="doc-stripes"
          aria-hidden="true"
          onMouseOver={(e) =>
            emphasise({ highlightId: (e.target as HTMLElement).dataset.highlightIds })
          }
          onMouseOut={() => emphasise(null)}
          onClick={(e) => {
            const id = (e.target as HTMLElement).dataset.highlightIds;
            if (id) select([id]);
          }}
        />
        {picker.pending && (
          <div className="doc-pending" aria-hidden="true">
            {picker.pending.rects.map((r, i) => (
              <div key={i} style={{ top: r.top, left: r.left, width: r.width, height: r.height }} />
            ))}
          </div>
        )}
        <DocumentText
          ref={textRef}
          chunks={chunks}
          length={document.text.length}
          handlers={handlers}
        />
        {picker.pending && (
          <CodePicker
            quote={document.text.slice(picker.pending.span.start, picker.pending.span.end)}
            anchor={picker.pending.anchor}
            onApply={(ids) => void picker.apply(ids)}
            onCreate={(name, alsoCodeIds) => void picker.createAndApply(name, alsoCodeIds)}
            onClose={(restoreFocus = true) => picker.close(restoreFocus ? 'cancelled' : 'blurred')}
          />
        )}
      </div>
    </main>
  );
}
