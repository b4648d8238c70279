import { useState } from 'react';
import { FormError } from '../../../components/form-error';
import { useImportProject, usePreviewProjectImport } from '../api/import-project';
import { FilePicker } from './file-picker';
import { QdpxPreviewView } from './qdpx-preview';
import '../refi.css';

/**
 * "New project from REFI-QDA file": choose a .qdpx (NVivo, ATLAS.ti, MAXQDA, QualCoder,
 * Kodbok…), see what it holds and what will be skipped, then create the project.
 */
export function ProjectImportSection({ onCreated }: { onCreated: (projectId: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreviewProjectImport();
  const commit = useImportProject();
  const busy = preview.isPending || commit.isPending;

  function choose(chosen: File) {
    setFile(chosen);
    commit.reset();
    preview.mutate(chosen);
  }

  return (
    <section className="section" aria-labelledby="refi-project-heading">
      <h2 id="refi-project-heading">New project from REFI-QDA file</h2>
      <FilePicker
        label="Choose a .qdpx file"
        accept=".qdpx,.qde,.zip"
        hint="A project exported from NVivo, ATLAS.ti, MAXQDA, QualCoder or Kodbok (REFI-QDA .qdpx)."
        disabled={busy}
        onFile={choose}
      />
      {file && <p className="muted">File: {file.name}</p>}
      {busy && (
        <p role="status" className="muted">
          {commit.isPending ? 'Creating the project…' : 'Reading the file…'}
        </p>
      )}
      <FormError error={preview.error ?? commit.error} />
      {preview.data && file && (
        <>
          <QdpxPreviewView preview={preview.data} />
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => commit.mutate(file, { onSuccess: (r) => onCreated(r.id) })}
            >
              Create project “{preview.data.name}”
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => {
                setFile(null);
                preview.reset();
              }}
            >
              Cancel
            </button>
          </div>
        </>
      )}
    </section>
  );
}
