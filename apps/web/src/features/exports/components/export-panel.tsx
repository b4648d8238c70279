import '../exports.css';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormError } from '../../../components/form-error';
import { useExcerptCount } from '../api/get-excerpt-count';
import type { ExportFilter } from '../api/export-params';
import { useDownload } from '../hooks/use-download';
import {
  EXPORT_CHOICES,
  exportHref,
  tooBigFor,
  type ExportFile,
  type ExportWhat,
} from '../lib/export-choices';
import { ExportChoice } from './export-choice';
import { FiltersInForce, type FilterNames } from './filters-in-force';

interface Props {
  open: boolean;
  onClose: () => void;
  projectId: string;
  /** The filters in force (the Analysis page's); empty on the project's Studies page. */
  filter: ExportFilter;
  names: FilterNames;
  /** What is chosen when the panel opens (the Analysis page's matrix: the synthesis table). */
  initialWhat?: ExportWhat;
}

/** The Export panel: choose what and the format, see the filters in force, download. */
export function ExportPanel({ open, onClose, ...props }: Props) {
  return (
    <Dialog open={open} onClose={onClose} labelledBy="export-title">
      <ExportForm {...props} onClose={onClose} />
    </Dialog>
  );
}

function ExportForm({
  projectId,
  filter,
  names,
  initialWhat = 'excerpts',
  onClose,
}: Omit<Props, 'open'>) {
  const [what, setWhat] = useState<ExportWhat>(initialWhat);
  const [file, setFile] = useState<ExportFile>(EXPORT_CHOICES[initialWhat].files[0]!.file);
  const [sheetPerTheme, setSheetPerTheme] = useState(false);
  const [ticks, setTicks] = useState(false);
  const count = useExcerptCount(projectId, filter);
  const download = useDownload();
  const refused = tooBigFor(file, count.data);
  const href = exportHref(projectId, file, filter, {
    sheetPerTheme,
    ticks,
    downloadToken: download.token,
  });
  const preparing = download.phase === 'preparing';

  function chooseWhat(next: ExportWhat) {
    setWhat(next);
    setFile(EXPORT_CHOICES[next].files[0]!.file);
    download.reset();
  }
  return (
    <div className="export-panel">
      <h2 id="export-title">Export</h2>
      <ExportChoice
        what={what}
        file={file}
        excerpts={count.data}
        onWhat={chooseWhat}
        onFile={(f) => {
          setFile(f);
          download.reset();
        }}
      />
      {file === 'excerpts.xlsx' && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={sheetPerTheme}
            onChange={(e) => setSheetPerTheme(e.target.checked)}
          />
          One sheet per theme
        </label>
      )}
      {file.startsWith('matrix.') && (
        <label className="checkbox">
          <input type="checkbox" checked={ticks} onChange={(e) => setTicks(e.target.checked)} />
          Ticks (✓) instead of counts
        </label>
      )}
      <FiltersInForce filter={filter} names={names} excerpts={count.data} />
      <FormError error={count.error} />
      {refused && (
        <p id="export-too-big" className="export-muted">
          {refused}
        </p>
      )}
      <div className="actions export-actions">
        <a
          className="button button-primary"
          href={href}
          download
          aria-disabled={preparing || refused !== null}
          onClick={(e) => {
            if (preparing || refused) e.preventDefault();
            else download.started();
          }}
        >
          {preparing ? 'Preparing…' : 'Download'}
        </a>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        <p className="export-status" role="status">
          {preparing && 'Preparing your file… large exports take a little while.'}
          {download.phase === 'started' && 'Your download has started.'}
          {download.phase === 'slow' &&
            'The file has not started yet. Check your browser’s downloads, or try again.'}
        </p>
      </div>
    </div>
  );
}
