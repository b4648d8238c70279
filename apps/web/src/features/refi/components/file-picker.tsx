import { useId } from 'react';

/**
 * One file, chosen with a real file input behind its label (reachable and operable from the
 * keyboard, announced by screen readers). Choosing the same file again chooses it again.
 */
export function FilePicker({
  label,
  accept,
  hint,
  disabled,
  onFile,
}: {
  label: string;
  accept: string;
  hint: string;
  disabled: boolean;
  onFile: (file: File) => void;
}) {
  const id = useId();
  return (
    <div className="refi-picker">
      <label htmlFor={id} className="button">
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        className="visually-hidden"
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <p className="field-hint">{hint}</p>
    </div>
  );
}
