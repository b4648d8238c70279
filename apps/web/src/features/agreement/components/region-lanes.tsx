import type { Span } from '@kodbok/core';
import { contextWindow, coverage, laneRuns } from '../lib/coder-lanes';
import { COVERAGE_TEXT } from '../lib/resolution-text';
import type { Lane } from '../hooks/use-review-lanes';

interface Props {
  text: string;
  region: Span;
  lanes: readonly Lane[];
  codeName: string;
}

/**
 * The region side by side: one row per coder and the consensus, each the same stretch of text
 * with that lane's coding marked, and in words whether it coded the region.
 */
export function RegionLanes({ text, region, lanes, codeName }: Props) {
  const window = contextWindow(text, region, 80);
  const parts = [
    { span: { start: window.start, end: region.start }, context: true },
    { span: region, context: false },
    { span: { start: region.end, end: window.end }, context: true },
  ].filter((p) => p.span.end > p.span.start);
  return (
    <table className="ag-lanes">
      <caption className="visually-hidden">How each coder coded {codeName} here</caption>
      <tbody>
        {lanes.map((lane) => (
          <tr key={lane.id} className={lane.id === 'consensus' ? 'ag-lanes-consensus' : undefined}>
            <th scope="row">
              <span className={`ag-lane-sample ${lane.className}`} aria-hidden="true" />
              {lane.name}
              <span className="ag-lane-coverage">
                {COVERAGE_TEXT[coverage(lane.spans, region)]}
              </span>
            </th>
            <td>
              {parts.map(({ span, context }) =>
                laneRuns(text, span, lane.spans).map((run) => {
                  const cls = context ? 'ag-context' : undefined;
                  return run.coded ? (
                    <mark key={run.start} className={cls}>
                      {run.text}
                    </mark>
                  ) : (
                    <span key={run.start} className={cls}>
                      {run.text}
                    </span>
                  );
                }),
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
