import { memo, type Ref } from 'react';
import type { Chunk } from '../lib/chunk-builder';
import type { Run } from '../lib/runs';
import type { TextHandlers } from '../hooks/use-text-interaction';

/**
 * The document as blocks of plain runs. Caret browsing: the element is contenteditable so the
 * browser draws a caret and shift+arrows extend the selection, while useTextInteraction cancels
 * every edit (beforeinput, paste, drop, cut). Chunks are memoised by value, so coding a passage
 * re-renders the one or two chunks it touches, and hover, selection or picker state re-render
 * only this wrapper, never the thousands of spans.
 */
export function DocumentText({
  chunks,
  length,
  handlers,
  ref,
}: {
  chunks: readonly Chunk[];
  length: number;
  handlers: TextHandlers;
  ref: Ref<HTMLDivElement>;
}) {
  return (
    <div
      ref={ref}
      className="doc-text"
      role="document"
      aria-label="Document text"
      aria-describedby="doc-text-help"
      tabIndex={0}
      contentEditable
      suppressContentEditableWarning
      spellCheck={false}
      data-length={length}
      {...handlers}
    >
      {chunks.map((chunk) => (
        <ChunkBlock key={chunk.start} chunk={chunk} />
      ))}
    </div>
  );
}

/**
 * One block of the text. Its own block, so a change re-lays out this chunk only; and
 * `content-visibility: auto` (coding.css) skips style, layout and paint while it is off screen,
 * sized meanwhile by the estimate here (in lines) (`auto` keeps its real size once it has been shown).
 */
const ChunkBlock = memo(
  function ChunkBlock({ chunk }: { chunk: Chunk }) {
    return (
      <div
        className="doc-chunk"
        data-chunk-start={chunk.start}
        data-chunk-end={chunk.end}
        data-lines={chunk.lines}
        // --chunk-line: the height of an estimated line, measured by useChunkEstimates.
        style={{ containIntrinsicBlockSize: `auto calc(${chunk.lines} * var(--chunk-line, 1lh))` }}
      >
        {chunk.runs.map((run) => (
          <RunSpan key={run.start} run={run} />
        ))}
      </div>
    );
  },
  (a, b) =>
    a.chunk === b.chunk ||
    (a.chunk.start === b.chunk.start &&
      a.chunk.end === b.chunk.end &&
      a.chunk.runs.length === b.chunk.runs.length &&
      a.chunk.runs.every((run, i) => sameRun(run, b.chunk.runs[i]!))),
);

// Compared by value: a rebuilt run list is mostly equal runs, and only changed spans re-render.
const RunSpan = memo(RunSpanView, (a, b) => sameRun(a.run, b.run));

function sameRun(a: Run, b: Run): boolean {
  return (
    a.start === b.start &&
    a.text === b.text &&
    a.highlightIds === b.highlightIds &&
    a.codeIds === b.codeIds &&
    a.tint === b.tint &&
    a.badge === b.badge &&
    a.title === b.title &&
    a.coderMarks === b.coderMarks
  );
}

function RunSpanView({ run }: { run: Run }) {
  if (!run.highlightIds) return <span data-start={run.start}>{run.text}</span>;
  return (
    <span
      data-start={run.start}
      className="hl"
      data-highlight-ids={run.highlightIds}
      data-code-ids={run.codeIds}
      data-count={run.badge > 1 ? run.badge : undefined}
      data-coder-marks={run.coderMarks}
      title={run.title}
      style={{ backgroundColor: run.tint }}
    >
      {run.text}
    </span>
  );
}
