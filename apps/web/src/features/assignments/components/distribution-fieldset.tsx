import { useId, useState } from 'react';
import type { Distribution } from '../lib/split-preview';

/** How studies go to the chosen coders: all of them, one each (split evenly), or N each. */
export function DistributionFieldset({
  value,
  onChange,
  max,
}: {
  value: Distribution;
  onChange: (next: Distribution) => void;
  /** Coders available, the most a study can go to. */
  max: number;
}) {
  const id = useId();
  // The typed number, kept while another option is chosen (and while the field is being edited).
  const [typed, setTyped] = useState('2');
  const perStudy = (text: string): Distribution => ({ kind: 'perStudy', n: Number(text) });
  const radio = (kind: Distribution['kind'], next: () => Distribution) => ({
    type: 'radio',
    name: `${id}-how`,
    checked: value.kind === kind,
    onChange: () => onChange(next()),
  });
  return (
    <fieldset className="assign-group">
      <legend>How</legend>
      <label className="checkbox">
        <input {...radio('all', () => ({ kind: 'all' }))} />
        Each study to all of them
      </label>
      <label className="checkbox">
        <input {...radio('split', () => ({ kind: 'split' }))} />
        Split evenly (one coder each)
      </label>
      <div className="checkbox">
        <input id={`${id}-n`} {...radio('perStudy', () => perStudy(typed))} />
        <label htmlFor={`${id}-n`}>Each study to</label>
        <input
          type="number"
          className="assign-n"
          aria-label="Coders per study"
          min={1}
          max={Math.max(1, max)}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            onChange(perStudy(e.target.value));
          }}
        />
        <span>of them</span>
      </div>
    </fieldset>
  );
}
