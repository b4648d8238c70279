import { useId, useState, type FormEvent } from 'react';

/**
 * References copied from a web page or a reference manager (RIS, BibTeX, MEDLINE, CSV), pasted
 * instead of saved to a file first. They go through the same preview as a file would.
 */
export function PasteReferences({
  onFiles,
  disabled,
}: {
  onFiles: (files: File[]) => void;
  disabled: boolean;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) onFiles([new File([text], 'Pasted text.txt', { type: 'text/plain' })]);
  };
  return (
    <details className="paste-references">
      <summary>Or paste references</summary>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={id}>References (RIS, BibTeX, PubMed or CSV)</label>
          <textarea
            id={id}
            rows={6}
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            aria-describedby={`${id}-hint`}
          />
          <span id={`${id}-hint`} className="field-hint">
            The format is recognised from the text. Other text becomes one study titled “Pasted
            text”.
          </span>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={disabled || !text.trim()}>
            Preview pasted references
          </button>
        </div>
      </form>
    </details>
  );
}
