import type { Highlight } from '@kodbok/contracts';
import { moveSpanEdge, type Span, type SpanEdge, type SpanMove } from '@kodbok/core';
import { useToast } from '../../../components/toast';
import { useCoding } from '../hooks/coding-context';

const MOVES: Array<{ edge: SpanEdge; move: SpanMove; label: string; glyph: string }> = [
  { edge: 'start', move: 'extend', label: 'Extend start by a word', glyph: '⟵ start' },
  { edge: 'start', move: 'shrink', label: 'Shrink start by a word', glyph: 'start ⟶' },
  { edge: 'end', move: 'shrink', label: 'Shrink end by a word', glyph: '⟵ end' },
  { edge: 'end', move: 'extend', label: 'Extend end by a word', glyph: 'end ⟶' },
];

/** Word-wise boundary buttons, and "Use current selection" for a new span chosen in the text. */
export function HighlightBoundaries({ highlight }: { highlight: Highlight }) {
  const { document, actions, lastSpanRef } = useCoding();
  const notify = useToast();
  const moveTo = (span: Span) =>
    void actions.change(
      highlight,
      { start: span.start, end: span.end, quote: document.text.slice(span.start, span.end) },
      'Boundaries changed',
    );

  return (
    <fieldset className="details-bounds">
      <legend>Adjust boundaries</legend>
      <div className="details-bounds-row">
        {MOVES.map(({ edge, move, label, glyph }) => {
          const next = moveSpanEdge(document.text, highlight, edge, move);
          return (
            <button
              key={label}
              type="button"
              className="button button-small"
              aria-label={label}
              title={label}
              disabled={!next}
              onClick={() => next && moveTo(next)}
            >
              {glyph}
            </button>
          );
        })}
      </div>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          const span = lastSpanRef.current;
          if (span) moveTo(span);
          else notify({ message: 'Select the new passage in the document first.', kind: 'error' });
        }}
      >
        Use current selection
      </button>
    </fieldset>
  );
}
