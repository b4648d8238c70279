import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import type { Span } from '@kodbok/core';
import { documentRuns } from '../lib/coder-lanes';
import type { Lane } from '../hooks/use-review-lanes';

interface Props {
  text: string;
  regions: readonly Span[];
  /** Index into `regions` of the one in view, or -1. */
  selected: number;
  /** Each coder's coding of the code in view, then the consensus. */
  lanes: readonly Lane[];
  codeName: string | null;
  onSelect: (index: number) => void;
}

/**
 * The document as plain text runs (never HTML): disagreement regions tinted, the one in view
 * outlined, and under the text one band per lane — each coder and the consensus — drawn in
 * its own pattern and named in the legend and each run's tooltip, so colour is never the only cue.
 */
export function ReviewText({ text, regions, selected, lanes, codeName, onSelect }: Props) {
  const runs = useMemo(
    () =>
      documentRuns(
        text,
        regions,
        lanes.map((l) => l.spans),
      ),
    [text, regions, lanes],
  );
  const ref = useRef<HTMLDivElement>(null);
  // Keep the region in view as j / k move through the document.
  useEffect(() => {
    ref.current?.querySelector('.ag-dis-selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected, regions]);

  function click(e: MouseEvent) {
    const run = (e.target as HTMLElement).closest<HTMLElement>('[data-regions]');
    const indices = run?.dataset.regions?.split(' ').map(Number) ?? [];
    // Overlapping regions: clicking again steps to the next one under the pointer.
    const next = indices.find((i) => i > selected) ?? indices[0];
    if (next !== undefined) onSelect(next);
  }

  return (
    <div className="ag-review-text" ref={ref} onClick={click}>
      {runs.map((run) => {
        const inRegion = run.regions.length > 0;
        const classes = ['ag-run'];
        if (inRegion) classes.push('ag-dis');
        if (run.regions.includes(selected)) classes.push('ag-dis-selected');
        run.lanes.forEach((coded, i) => coded && classes.push(lanes[i]!.className));
        const title =
          codeName && (inRegion || run.lanes.some(Boolean))
            ? `${codeName} — ${lanes.map((l, i) => `${l.name}: ${run.lanes[i] ? 'coded' : 'not coded'}`).join(' · ')}`
            : undefined;
        return (
          <span
            key={run.start}
            className={classes.join(' ')}
            data-start={run.start}
            data-regions={inRegion ? run.regions.join(' ') : undefined}
            title={title}
          >
            {run.text}
          </span>
        );
      })}
    </div>
  );
}

/** Which band is whose: a sample of each lane's pattern beside its name. */
export function LaneLegend({
  lanes,
  codeName,
}: {
  lanes: readonly Lane[];
  codeName: string | null;
}) {
  return (
    <div className="ag-lane-legend">
      <span className="muted">
        {codeName
          ? `Coding of ${codeName}, under the text:`
          : 'Select a disagreement to compare coding.'}
      </span>
      {codeName && (
        <ul aria-label="Lanes under the text">
          {lanes.map((l) => (
            <li key={l.id}>
              <span className={`ag-lane-sample ${l.className}`} aria-hidden="true" />
              {l.name}
            </li>
          ))}
          <li>
            <span className="ag-lane-sample ag-dis" aria-hidden="true" />
            where they differ
          </li>
        </ul>
      )}
    </div>
  );
}
