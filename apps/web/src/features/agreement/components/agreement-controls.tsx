import type { AgreementParams } from '../hooks/use-agreement-params';
import { LEVELS } from '../lib/statistics';
import { ScopeChoice } from './scope-choice';

export interface CoderOption {
  id: string;
  name: string;
}
export interface CodeOption {
  id: string;
  name: string;
  depth: number;
}
export interface StudyOption {
  id: string;
  label: string;
}

interface Props {
  params: AgreementParams;
  coders: readonly CoderOption[];
  codes: readonly CodeOption[];
  studies: readonly StudyOption[];
  /** The level matters to the statistics only, not to the grid. */
  showLevel: boolean;
}

/** Whose coding to compare, at which level, over which codes and studies. */
export function AgreementControls({ params, coders, codes, studies, showLevel }: Props) {
  const chosen = new Set(params.scope.coders);
  const toggle = (id: string) =>
    params.setList(
      'coders',
      coders.map((c) => c.id).filter((c) => (c === id ? !chosen.has(c) : chosen.has(c))),
    );
  return (
    <section className="agreement-controls" aria-label="What to compare">
      <fieldset className="agreement-coders">
        <legend>Compare the coding of</legend>
        {coders.map((c) => (
          <label key={c.id} className="checkbox">
            <input type="checkbox" checked={chosen.has(c.id)} onChange={() => toggle(c.id)} />
            {c.name}
          </label>
        ))}
      </fieldset>
      {showLevel && <LevelChoice params={params} />}
      <ScopeChoice params={params} codes={codes} studies={studies} />
    </section>
  );
}

function LevelChoice({ params }: { params: AgreementParams }) {
  return (
    <div className="agreement-level">
      <fieldset className="ag-radio-group">
        <legend>Level</legend>
        {LEVELS.map(({ level, label }) => (
          <label key={level}>
            <input
              type="radio"
              name="level"
              checked={params.level === level}
              onChange={() => params.set('level', level === 'document' ? null : level)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {params.level === 'segment' && (
        <div className="threshold">
          <label htmlFor="agreement-threshold">Overlap to match</label>
          <input
            id="agreement-threshold"
            type="range"
            min={0.05}
            max={1}
            step={0.05}
            value={params.threshold}
            aria-valuetext={`${Math.round(params.threshold * 100)}% overlap`}
            onChange={(e) => params.set('threshold', e.target.value)}
          />
          <output htmlFor="agreement-threshold" className="num">
            {Math.round(params.threshold * 100)}%
          </output>
        </div>
      )}
    </div>
  );
}
