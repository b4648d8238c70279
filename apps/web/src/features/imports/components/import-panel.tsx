import type { ImportPreview } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import type { ImportFlow } from '../hooks/use-import';
import { CsvMappingForm } from './csv-mapping';
import { DropZone } from './drop-zone';
import { PasteReferences } from './paste-references';
import { ImportPreviewView } from './import-preview';
import { UploadProgress } from './upload-progress';
import '../imports.css';

/**
 * Import studies from files: drop or choose, review the preview, confirm. The flow (useImport)
 * lives with the page, so files dropped anywhere on it land here.
 */
export function ImportPanel({ flow, onClose }: { flow: ImportFlow; onClose: () => void }) {
  const preview = flow.preview.data;
  const result = flow.commit.data;

  return (
    <section className="card import-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import studies</h2>
      {result ? (
        <p className="form-success" role="status">
          Imported: {result.created} created, {result.updated} updated, {result.skipped} skipped.
        </p>
      ) : (
        <>
          <DropZone onFiles={flow.choose} disabled={flow.busy} />
          <PasteReferences onFiles={flow.choose} disabled={flow.busy} />
        </>
      )}
      {flow.files.length > 0 && !result && (
        <p className="muted">Files: {flow.files.map((f) => f.name).join(', ')}</p>
      )}
      {flow.busy && <UploadProgress progress={flow.progress} storing={flow.commit.isPending} />}
      <FormError error={flow.preview.error ?? flow.commit.error} />
      {preview && !result && (
        <>
          {preview.csv && (
            <CsvMappingForm
              key={JSON.stringify(preview.csv.mapping)}
              table={preview.csv}
              busy={flow.busy}
              onApply={flow.remap}
            />
          )}
          <ImportPreviewView
            preview={preview}
            duplicates={flow.duplicates}
            onDuplicatesChange={flow.setDuplicates}
          />
        </>
      )}
      <div className="actions">
        {preview && !result && (
          <button
            type="button"
            className="button button-primary"
            disabled={flow.busy || confirmCount(preview, flow) === 0}
            onClick={flow.confirm}
          >
            {confirmLabel(preview, flow)}
          </button>
        )}
        {result && (
          <button type="button" className="button" onClick={flow.reset}>
            Import more
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          {result ? 'Close' : 'Cancel'}
        </button>
      </div>
    </section>
  );
}

/** How many studies the confirm button will create or update. */
function confirmCount(preview: ImportPreview, flow: ImportFlow): number {
  if (flow.duplicates === 'import') return preview.records;
  if (flow.duplicates === 'update')
    return preview.new + preview.duplicates.filter((d) => d.studyId).length;
  return preview.new;
}

function confirmLabel(preview: ImportPreview, flow: ImportFlow): string {
  const created = flow.duplicates === 'import' ? preview.records : preview.new;
  const updated =
    flow.duplicates === 'update' ? preview.duplicates.filter((d) => d.studyId).length : 0;
  const studies = (n: number) => `${n} ${n === 1 ? 'study' : 'studies'}`;
  if (updated > 0) return `Import ${studies(created)} and update ${updated}`;
  return `Import ${studies(created)}`;
}
