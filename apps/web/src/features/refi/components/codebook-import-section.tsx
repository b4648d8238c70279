import { useState } from 'react';
import type { CodebookImportPreview } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { useImportCodebook, usePreviewCodebookImport } from '../api/import-codebook';
import { FilePicker } from './file-picker';
import { NoticeList } from './notice-list';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "Import codebook": a .qdc (or a .qdpx's codebook), or Kodbok's codebook CSV or JSON. Codes
 * named like one under the same parent are that code; the preview lists what will be added.
 */
export function CodebookImportSection({ projectId }: { projectId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreviewCodebookImport(projectId);
  const commit = useImportCodebook(projectId);
  const busy = preview.isPending || commit.isPending;

  function choose(chosen: File) {
    setFile(chosen);
    commit.reset();
    preview.mutate(chosen);
  }

  return (
    <div className="refi-codebook-import">
      <h3>Import codebook</h3>
      <FilePicker
        label="Choose a codebook file"
        accept=".qdc,.qdpx,.csv,.json,.xml"
        hint="REFI-QDA .qdc from NVivo, ATLAS.ti, MAXQDA or Taguette, or a CSV or JSON codebook (name, parent, description, color, keywords)."
        disabled={busy}
        onFile={choose}
      />
      <FormError error={preview.error ?? commit.error} />
      {commit.data ? (
        <p className="form-success" role="status">
          Codebook imported: {plural(commit.data.created, 'code', 'codes')} added,{' '}
          {commit.data.matched} already there.
        </p>
      ) : (
        preview.data &&
        file && (
          <>
            <CodebookPreview preview={preview.data} />
            <div className="actions">
              <button
                type="button"
                className="button button-primary"
                disabled={busy || preview.data.added.length === 0}
                onClick={() => commit.mutate(file)}
              >
                Add {plural(preview.data.added.length, 'code', 'codes')}
              </button>
            </div>
          </>
        )
      )}
    </div>
  );
}

function CodebookPreview({ preview }: { preview: CodebookImportPreview }) {
  return (
    <div className="refi-preview" data-testid="codebook-preview">
      <p>
        {plural(preview.codes, 'code', 'codes')} in the file: {preview.matched.length} already in
        the codebook, <strong>{preview.added.length} new</strong>.
      </p>
      {preview.added.length > 0 && (
        <ul className="refi-added" aria-label="New codes">
          {preview.added.map((c, i) => (
            <li key={i}>
              <span className="refi-swatch" style={{ background: c.color }} aria-hidden="true" />
              {c.path}
            </li>
          ))}
        </ul>
      )}
      <NoticeList title="Notes on the file" notices={preview.notices} />
    </div>
  );
}
