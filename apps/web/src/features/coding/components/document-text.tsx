import { memo, useMemo, type Ref } from 'react';
import type { Run } from '../lib/runs';
import type { TextHandlers } from '../hooks/use-text-interaction';

/**
 * The document as plain runs. Caret browsing: the element is contenteditable so the browser
 * draws a caret and shift+arrows extend the selection, while useTextInteraction cancels every
 * edit (beforeinput, paste, drop, cut). The run elements are built once per `runs`, so hover,
 * selection or picker state re-render only this wrapper, never the thousands of spans.
 */
export function DocumentText({
  runs,
  length,
  handlers,
  ref,
}: {
  runs: readonly Run[];
  length: number;
  handlers: TextHandlers;
  ref: Ref<HTMLDivElement>;
}) {
  const content = useMemo(() => runs.map((run) => <RunSpan key={run.start} run={run} />), [runs]);
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
      {content}
    </div>
  );
}

// Compared by value: a rebuilt run list is mostly equal runs, and only changed spans re-render.
const RunSpan = memo(RunSpanView, (a, b) => sameRun(a.run, b.run));

function sameRun(a: Run, b: Run): boolean {
  return (
    a.start === b.start &&
    a.text === b.text &&
    a.highlightIds === b.highlightIds &&
    a.codeIds === b.codeIds &&
    a.background === b.background &&
    a.badge === b.badge &&
    a.title === b.title
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
      title={run.title}
      style={{ backgroundImage: run.background }}
    >
      {run.text}
    </span>
  );
}
