import type { Disagreements, Highlight } from '@kodbok/contracts';
import { codingOf, coverage, excerpt } from '../lib/coder-lanes';
import { regionKey } from '../lib/review-navigation';
import { COVERAGE_TEXT } from '../lib/resolution-text';

const COVERAGE_MARK = { all: '✓', part: '◐', none: '—' } as const;

type Region = Disagreements['regions'][number];

interface Props {
  text: string;
  regions: readonly Region[];
  selected: Region | null;
  coders: Disagreements['coders'];
  marks: ReadonlyMap<string, string>;
  highlights: readonly Highlight[];
  codeName: (id: string) => string;
  onSelect: (region: Region) => void;
}

/** Every region of the document, in text order: code, quote, who coded it, resolved or not. */
export function RegionList({
  text,
  regions,
  selected,
  coders,
  marks,
  highlights,
  codeName,
  onSelect,
}: Props) {
  return (
    <ol className="ag-regions" aria-label="Disagreements in this document">
      {regions.map((r, i) => {
        const who = coders.map((c) => {
          const cov = coverage(codingOf(highlights, c.id, r.codeId), r);
          return { mark: marks.get(c.id) ?? c.name, name: c.name, cov };
        });
        return (
          <li key={regionKey(r)}>
            <button
              type="button"
              className="ag-region-button"
              aria-current={r === selected ? 'true' : undefined}
              onClick={() => onSelect(r)}
            >
              <span className="ag-region-head">
                <span className="num muted">{i + 1}.</span>
                <strong>{codeName(r.codeId)}</strong>
                {r.resolution ? (
                  <span className="ag-tag ag-tag-done">resolved</span>
                ) : (
                  <span className="ag-tag">open</span>
                )}
              </span>
              <span className="ag-region-quote">“{excerpt(text, r, 80)}”</span>
              <span className="ag-region-who">
                {who.map((w) => (
                  <span key={w.mark}>
                    <span aria-hidden="true">
                      {w.mark} {COVERAGE_MARK[w.cov]}
                    </span>
                    <span className="visually-hidden">
                      {w.name} {COVERAGE_TEXT[w.cov]};
                    </span>
                  </span>
                ))}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
