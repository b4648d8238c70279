import type { Highlight } from '@kodbok/contracts';
import { useOptionalCoding, type CodingContextValue } from '../hooks/coding-context';
import { HighlightBoundaries } from './highlight-boundaries';
import { HighlightCodes } from './highlight-codes';
import { HighlightMemo } from './highlight-memo';
import '../coding.css';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Beneath the codebook: the selected highlight's quote, codes, coder, memo and boundaries. */
export function HighlightDetails() {
  const coding = useOptionalCoding();
  const { ids, index } = coding?.selection ?? { ids: [], index: 0 };
  const highlight = coding?.document.highlights.find((h) => h.id === ids[index]);
  return (
    <section className="details" aria-label="Selected highlight">
      <h2 className="pane-title">Selected highlight</h2>
      {coding && highlight ? (
        <Details coding={coding} highlight={highlight} count={ids.length} index={index} />
      ) : (
        <p className="muted details-empty">
          Click a highlighted passage (or put the caret in it and press Enter) to see its codes and
          memo here.
        </p>
      )}
    </section>
  );
}

function Details({
  coding,
  highlight,
  count,
  index,
}: {
  coding: CodingContextValue;
  highlight: Highlight;
  count: number;
  index: number;
}) {
  const editable = coding.mayChange(highlight) && !highlight.id.startsWith('pending-');
  const mark = coding.marks?.get(highlight.coderId);
  return (
    <div className="details-body">
      {count > 1 && (
        <div className="details-cycle">
          <span>
            Highlight {index + 1} of {count} here
          </span>
          <button
            type="button"
            className="button button-small"
            onClick={() => coding.select(coding.selection.ids, (index + 1) % count)}
          >
            Next overlapping highlight
          </button>
        </div>
      )}
      <blockquote className="details-quote">
        {highlight.quote.length > 400 ? `${highlight.quote.slice(0, 400)}…` : highlight.quote}
      </blockquote>
      <HighlightCodes highlight={highlight} editable={editable} />
      <p className="details-meta muted">
        {mark && (
          <span className="coder-badge" aria-hidden="true">
            {mark.initials}
          </span>
        )}{' '}
        {highlight.coderName} ·{' '}
        <time dateTime={highlight.createdAt}>
          {dateFormat.format(new Date(highlight.createdAt))}
        </time>
      </p>
      {/* By id only: saving a memo changes updatedAt, and must not reset the field being typed in. */}
      <HighlightMemo key={highlight.id} highlight={highlight} editable={editable} />
      {editable && <HighlightBoundaries highlight={highlight} />}
      {editable && (
        <button
          type="button"
          className="button button-danger"
          onClick={() => void coding.actions.remove(highlight)}
        >
          Delete highlight
        </button>
      )}
      {!editable && coding.canCode && (
        <p className="muted">Only its coder or a supervisor can change this highlight.</p>
      )}
    </div>
  );
}
