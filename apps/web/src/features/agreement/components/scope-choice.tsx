import type { AgreementParams } from '../hooks/use-agreement-params';
import type { CodeOption, StudyOption } from './agreement-controls';

interface Props {
  params: AgreementParams;
  codes: readonly CodeOption[];
  studies: readonly StudyOption[];
}

/** Codes and studies to compare over (all by default), the chosen ones as removable chips. */
export function ScopeChoice({ params, codes, studies }: Props) {
  const { scope } = params;
  const codeName = new Map(codes.map((c) => [c.id, c.name]));
  const studyLabel = new Map(studies.map((s) => [s.id, s.label]));
  const chosenCodes = new Set(scope.codes);
  const chosenStudies = new Set(scope.studies);
  const chips = [
    ...scope.codes.map((id) => ({
      label: `Code: ${codeName.get(id) ?? 'deleted code'}`,
      remove: () => params.setList('codes', without(scope.codes, id)),
    })),
    ...scope.studies.map((id) => ({
      label: `Study: ${studyLabel.get(id) ?? 'deleted study'}`,
      remove: () => params.setList('studies', without(scope.studies, id)),
    })),
  ];
  return (
    <div className="agreement-scope">
      <div className="field">
        <label htmlFor="agreement-code">Codes</label>
        <select
          id="agreement-code"
          value=""
          onChange={(e) =>
            e.target.value && params.setList('codes', [...scope.codes, e.target.value])
          }
        >
          <option value="">{scope.codes.length ? 'Add a code…' : 'All codes'}</option>
          {codes
            .filter((c) => !chosenCodes.has(c.id))
            .map((c) => (
              <option key={c.id} value={c.id}>
                {'\u2003'.repeat(c.depth)}
                {c.name}
              </option>
            ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="agreement-study">Studies</label>
        <select
          id="agreement-study"
          value=""
          onChange={(e) =>
            e.target.value && params.setList('studies', [...scope.studies, e.target.value])
          }
        >
          <option value="">{scope.studies.length ? 'Add a study…' : 'All coded studies'}</option>
          {studies
            .filter((s) => !chosenStudies.has(s.id))
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
        </select>
      </div>
      {chips.length > 0 && (
        <ul className="ag-chips" aria-label="Chosen codes and studies">
          {chips.map((chip) => (
            <li key={chip.label} className="ag-chip">
              {chip.label}
              <button type="button" aria-label={`Remove ${chip.label}`} onClick={chip.remove}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const without = (xs: readonly string[], x: string) => xs.filter((v) => v !== x);
