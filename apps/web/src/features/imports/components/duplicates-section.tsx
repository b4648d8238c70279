import type { DuplicateChoice, ImportPreview } from '@kodbok/contracts';

const CHOICES: Array<{ value: DuplicateChoice; label: string; hint: string }> = [
  { value: 'skip', label: 'Skip them', hint: 'keep the studies as they are' },
  {
    value: 'update',
    label: 'Update the existing studies',
    hint: 'fill in fields and attributes; coded text never changes',
  },
  { value: 'import', label: 'Import them anyway', hint: 'as new, separate studies' },
];

const REASONS = { doi: 'same DOI', pmid: 'same PMID', title: 'same title and year' } as const;
const SHOWN = 50;

/** The duplicates found, and what to do with them. */
export function DuplicatesSection({
  preview,
  choice,
  onChange,
}: {
  preview: ImportPreview;
  choice: DuplicateChoice;
  onChange: (choice: DuplicateChoice) => void;
}) {
  return (
    <section aria-labelledby="import-duplicates-heading">
      <h4 id="import-duplicates-heading">Duplicates</h4>
      <fieldset className="import-choice">
        <legend>What to do with duplicates</legend>
        {CHOICES.map((c) => (
          <label key={c.value} className="checkbox">
            <input
              type="radio"
              name="duplicates"
              value={c.value}
              checked={choice === c.value}
              onChange={() => onChange(c.value)}
            />
            {c.label} <span className="muted">— {c.hint}</span>
          </label>
        ))}
      </fieldset>
      <ul className="import-duplicates">
        {preview.duplicates.slice(0, SHOWN).map((d) => (
          <li key={`${d.file}:${d.line}`}>
            <span className="import-where">
              {d.file}, line {d.line}
            </span>{' '}
            “{d.title}” — {REASONS[d.reason]} as {d.studyId ? 'the study' : 'an earlier record'} “
            {d.matches}”
          </li>
        ))}
      </ul>
      {preview.duplicates.length > SHOWN && (
        <p className="muted">…and {preview.duplicates.length - SHOWN} more.</p>
      )}
    </section>
  );
}
