import { EXPORT_CHOICES, tooBigFor, type ExportFile, type ExportWhat } from '../lib/export-choices';

interface Props {
  what: ExportWhat;
  file: ExportFile;
  excerpts: number | undefined;
  onWhat: (what: ExportWhat) => void;
  onFile: (file: ExportFile) => void;
}

/** What to export, then in which format: two radio groups. Reports too big to make are disabled. */
export function ExportChoice({ what, file, excerpts, onWhat, onFile }: Props) {
  return (
    <div className="export-choice">
      <fieldset>
        <legend>What</legend>
        {(Object.keys(EXPORT_CHOICES) as ExportWhat[]).map((w) => (
          <label key={w} className="export-option">
            <input
              type="radio"
              name="export-what"
              value={w}
              checked={w === what}
              onChange={() => onWhat(w)}
            />
            <span>
              {EXPORT_CHOICES[w].label}
              <span className="export-option-hint">{EXPORT_CHOICES[w].description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Format</legend>
        {EXPORT_CHOICES[what].files.map((f) => {
          const refused = tooBigFor(f.file, excerpts);
          return (
            <label key={f.file} className="export-option">
              <input
                type="radio"
                name="export-format"
                value={f.file}
                checked={f.file === file}
                disabled={refused !== null}
                aria-describedby={refused ? 'export-too-big' : undefined}
                onChange={() => onFile(f.file)}
              />
              <span>{f.label}</span>
            </label>
          );
        })}
      </fieldset>
    </div>
  );
}
