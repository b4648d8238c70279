// The analysis views' styles load with the filter bar, which every analysis page shows.
import '../analysis.css';
import { useState } from 'react';
import { CONSENSUS_CODER_ID } from '@kodbok/contracts';
import { useAttributes } from '../api/get-attributes';
import type { AnalysisParams } from '../hooks/use-analysis-filter';
import { CoderFilter } from './coder-filter';
import { AttributeSelect } from './attribute-select';

export interface CodeOption {
  id: string;
  name: string;
  depth: number;
}
export interface CoderOption {
  id: string;
  name: string;
}

interface Props {
  projectId: string;
  analysis: AnalysisParams;
  codes: readonly CodeOption[];
  coders: readonly CoderOption[];
}

/** The filters every analysis view shares, with the active ones as removable chips. */
export function FilterBar({ projectId, analysis, codes, coders }: Props) {
  const { filter } = analysis;
  const codeName = new Map(codes.map((c) => [c.id, c.name]));
  const coderName = new Map(coders.map((c) => [c.id, c.name]));
  const chips = [
    ...filter.coders.map((id) => ({
      label: `Coder: ${coderName.get(id) ?? (id === CONSENSUS_CODER_ID ? 'Consensus' : id)}`,
      remove: () => analysis.setList('coder', without(filter.coders, id)),
    })),
    ...filter.codes.map((id) => ({
      label: `Code: ${codeName.get(id) ?? id}`,
      remove: () => analysis.setList('code', without(filter.codes, id)),
    })),
    ...filter.attr.map((a) => ({
      label: a.replace('=', ' = '),
      remove: () => analysis.setList('attr', without(filter.attr, a)),
    })),
  ];
  return (
    <section className="analysis-filters" aria-label="Filters">
      <div className="analysis-filter-controls">
        <CoderFilter analysis={analysis} coders={coders} />
        <CodeFilter analysis={analysis} codes={codes} />
        <AttributeFilter projectId={projectId} analysis={analysis} />
      </div>
      {chips.length > 0 && (
        <ul className="chips" aria-label="Active filters">
          {chips.map((chip) => (
            <li key={chip.label} className="chip">
              {chip.label}
              <button
                type="button"
                aria-label={`Remove filter ${chip.label}`}
                onClick={chip.remove}
              >
                ×
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={analysis.clear}
            >
              Clear all
            </button>
          </li>
        </ul>
      )}
    </section>
  );
}

const without = (xs: readonly string[], x: string) => xs.filter((v) => v !== x);

function CodeFilter({
  analysis,
  codes,
}: {
  analysis: AnalysisParams;
  codes: readonly CodeOption[];
}) {
  const chosen = new Set(analysis.filter.codes);
  return (
    <div className="field">
      <label htmlFor="filter-code">Code or theme</label>
      <select
        id="filter-code"
        value=""
        onChange={(e) => e.target.value && analysis.setList('code', [...chosen, e.target.value])}
      >
        {/* With codes chosen (shown as chips) the list is not "all codes" any more. */}
        <option value="">{chosen.size > 0 ? 'Add a code…' : 'All codes'}</option>
        {codes
          .filter((c) => !chosen.has(c.id))
          .map((c) => (
            <option key={c.id} value={c.id}>
              {'\u2003'.repeat(c.depth)}
              {c.name}
            </option>
          ))}
      </select>
    </div>
  );
}

function AttributeFilter({ projectId, analysis }: { projectId: string; analysis: AnalysisParams }) {
  const attributes = useAttributes(projectId).data ?? [];
  const [name, setName] = useState('');
  const values = attributes.find((a) => a.name === name)?.values ?? [];
  if (attributes.length === 0) return null;
  return (
    <div className="field-group">
      <AttributeSelect
        id="filter-attribute"
        label="Study attribute"
        none="Choose…"
        attributes={attributes}
        value={name}
        onChange={setName}
      />
      <div className="field">
        <label htmlFor="filter-value">Value</label>
        <select
          id="filter-value"
          value=""
          disabled={!name}
          onChange={(e) => {
            const pair = `${name}=${e.target.value}`;
            if (!analysis.filter.attr.includes(pair))
              analysis.setList('attr', [...analysis.filter.attr, pair]);
          }}
        >
          <option value="">{name ? 'Add a value…' : 'Choose an attribute first'}</option>
          {values.map((v) => (
            <option key={v.value} value={v.value}>
              {v.value} ({v.studies})
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
