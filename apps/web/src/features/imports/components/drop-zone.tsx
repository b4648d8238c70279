import { useId, useState, type DragEvent } from 'react';

const ACCEPT = '.ris,.bib,.bibtex,.nbib,.medline,.txt,.csv,.tsv,.text';

/**
 * Drop files here, or choose them. The chooser is a real file input behind its label, so it is
 * reachable and operable from the keyboard and announced by screen readers.
 */
export function DropZone({
  onFiles,
  disabled,
}: {
  onFiles: (files: File[]) => void;
  disabled: boolean;
}) {
  const id = useId();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    // The page around also takes drops; this one is handled here.
    e.stopPropagation();
    setOver(false);
    if (!disabled) onFiles([...e.dataTransfer.files]);
  };
  return (
    <div
      className={over ? 'drop-zone drop-zone-over' : 'drop-zone'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="drop-zone"
    >
      <p>
        Drop RIS, BibTeX, PubMed (MEDLINE), Web of Science, CSV or plain-text files here, or{' '}
        <label htmlFor={id} className="file-choose">
          choose files
        </label>
        <input
          id={id}
          type="file"
          multiple
          accept={ACCEPT}
          className="visually-hidden"
          // The panel opens on a click of "Import studies"; the chooser is the next step.
          autoFocus
          disabled={disabled}
          onChange={(e) => {
            onFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </p>
      <p className="field-hint">
        Exports of EndNote, Zotero, Mendeley, PubMed, Scopus and Web of Science work as they are. A
        plain-text file becomes one study, titled from its file name.
      </p>
    </div>
  );
}
