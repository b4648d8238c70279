import { useAttributes } from '../api/get-attributes';
import type { AnalysisParams } from '../hooks/use-analysis-filter';
import { AttributeSelect } from './attribute-select';

interface Props {
  projectId: string;
  view: 'frequencies' | 'matrix' | 'crosstab' | 'cooccurrence' | 'excerpts';
  analysis: AnalysisParams;
}

const MODES = [
  ['highlight', 'Same highlight'],
  ['overlap', 'Overlapping highlights'],
  ['document', 'Same document'],
] as const;

/** The settings one view has beyond the shared filter: grouping, attribute, counting mode. */
export function ViewControls({ projectId, view, analysis }: Props) {
  const attributes = useAttributes(projectId).data ?? [];
  const { params, set } = analysis;
  const attributeSelect = (id: string, label: string, param: string, none: string) => (
    <AttributeSelect
      id={id}
      label={label}
      none={none}
      attributes={attributes}
      value={params.get(param) ?? ''}
      onChange={(name) => set(param, name || null)}
    />
  );
  if (view === 'matrix') {
    return (
      <div className="view-controls">
        {attributeSelect('group-by', 'Group studies by', 'groupBy', 'No grouping')}
        <fieldset className="radio-group">
          <legend>Cells show</legend>
          {(['counts', 'ticks'] as const).map((v) => (
            <label key={v}>
              <input
                type="radio"
                name="show"
                checked={(params.get('show') ?? 'counts') === v}
                onChange={() => set('show', v === 'counts' ? null : v)}
              />
              {v === 'counts' ? 'Counts' : 'Ticks'}
            </label>
          ))}
        </fieldset>
      </div>
    );
  }
  if (view === 'crosstab')
    return (
      <div className="view-controls">
        {attributeSelect(
          'crosstab-attribute',
          'Compare groups of',
          'attribute',
          'Choose an attribute…',
        )}
      </div>
    );
  if (view === 'cooccurrence') {
    return (
      <fieldset className="radio-group view-controls">
        <legend>Two codes co-occur when they apply to</legend>
        {MODES.map(([v, label]) => (
          <label key={v}>
            <input
              type="radio"
              name="mode"
              checked={(params.get('mode') ?? 'highlight') === v}
              onChange={() => set('mode', v === 'highlight' ? null : v)}
            />
            {label}
          </label>
        ))}
      </fieldset>
    );
  }
  return null;
}
