import { useId } from 'react';
import { CONSENSUS_CODER_ID } from '@kodbok/contracts';
import { useCoding } from '../hooks/coding-context';
import { usePopover } from '../hooks/use-popover';
import { choiceSummary, EVERYONE, isOnlyMe, toggleCoder } from '../lib/coder-choice';

/**
 * Whose coding the document shows. Owners and supervisors tick any coders, everyone, or the
 * consensus in a popover; coders choose between their own coding and everyone's; under
 * independent coding a coder has no choice, and the badge beside this says why.
 */
export function CoderChoiceControl() {
  const { view } = useCoding();
  if (view.mode === 'choose') return <CoderPopover />;
  if (view.mode === 'blind') return <p className="coder-choice-label">Coding shown: only yours</p>;
  if (view.mode === 'none') return null;
  const mine = isOnlyMe(view.choice, view.meId);
  return (
    <label className="checkbox coder-only-mine">
      <input
        type="checkbox"
        checked={mine}
        onChange={() => view.setChoice(mine ? EVERYONE : { kind: 'coders', ids: [view.meId] })}
      />
      Only my coding
    </label>
  );
}

function CoderPopover() {
  const { view } = useCoding();
  const { open, toggle, buttonRef, panelRef, onKeyDown, onBlur } = usePopover();
  const id = useId();
  const names = new Map(view.options.map((o) => [o.id, o.name]));
  const summary = choiceSummary(view.choice, view.meId, (c) => names.get(c) ?? 'a former member');
  const chosen = (c: string) => view.choice.kind === 'coders' && view.choice.ids.includes(c);
  // Me first: "only my coding" is the choice made most.
  const people = view.options
    .filter((o) => o.id !== CONSENSUS_CODER_ID)
    .sort((a, b) => Number(b.id === view.meId) - Number(a.id === view.meId));
  return (
    <div className="coder-choice" onKeyDown={onKeyDown} onBlur={onBlur}>
      <span className="coder-choice-label" id={`${id}-label`}>
        Coding shown
      </span>
      <button
        ref={buttonRef}
        type="button"
        className="button button-small coder-choice-button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-labelledby={`${id}-label ${id}-value`}
        onClick={toggle}
      >
        <span id={`${id}-value`}>{summary}</span>
        <span aria-hidden="true"> ▾</span>
      </button>
      <div
        ref={panelRef}
        id={`${id}-panel`}
        className="coder-choice-panel"
        hidden={!open}
        // Clicks on the panel's own padding keep focus inside, so it stays open.
        tabIndex={-1}
      >
        <fieldset>
          <legend>Show the coding of</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={view.choice.kind === 'all'}
              onChange={() => view.setChoice(EVERYONE)}
            />
            Everyone
          </label>
          {people.map((o) => (
            <label key={o.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen(o.id)}
                onChange={() => view.setChoice(toggleCoder(view.choice, o.id))}
              />
              {o.id === view.meId ? `${o.name} (me)` : o.name}
            </label>
          ))}
          <label className="checkbox coder-choice-consensus">
            <input
              type="checkbox"
              checked={chosen(CONSENSUS_CODER_ID)}
              onChange={() => view.setChoice(toggleCoder(view.choice, CONSENSUS_CODER_ID))}
            />
            Consensus
          </label>
          <p className="coder-choice-hint">
            Shown alone, the consensus is what you code into: the project’s agreed coding.
          </p>
        </fieldset>
      </div>
    </div>
  );
}
