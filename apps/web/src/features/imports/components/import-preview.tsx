import type { DuplicateChoice, ImportPreview } from '@kodbok/contracts';
import { DuplicatesSection } from './duplicates-section';

const FORMAT_NAMES: Record<ImportPreview['format'], string> = {
  ris: 'RIS',
  bibtex: 'BibTeX',
  medline: 'PubMed MEDLINE',
  wos: 'Web of Science plain text',
  csv: 'CSV',
  text: 'plain text',
  mixed: 'several formats',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface ImportPreviewProps {
  preview: ImportPreview;
  duplicates: DuplicateChoice;
  onDuplicatesChange: (choice: DuplicateChoice) => void;
}

/** What the import will do, before anything is stored. All text is rendered as text. */
export function ImportPreviewView({ preview, duplicates, onDuplicatesChange }: ImportPreviewProps) {
  return (
    <div className="import-preview">
      <h3>Preview</h3>
      <ul className="import-summary" aria-label="Import summary">
        <li>
          <strong>{plural(preview.records, 'record', 'records')}</strong> read as{' '}
          {FORMAT_NAMES[preview.format]} from {plural(preview.files.length, 'file', 'files')}
        </li>
        <li>
          <strong>{plural(preview.new, 'new study', 'new studies')}</strong> will be created
        </li>
        {preview.duplicates.length > 0 && (
          <li>
            <strong>{plural(preview.duplicates.length, 'duplicate', 'duplicates')}</strong>
          </li>
        )}
        {preview.withoutText > 0 && (
          <li>
            <strong>{preview.withoutText} without text</strong>: nothing to code yet
          </li>
        )}
        {preview.warnings.length > 0 && (
          <li>
            <strong>{plural(preview.warnings.length, 'value', 'values')} cut</strong> to fit
          </li>
        )}
        {preview.problems.length > 0 && (
          <li className="import-summary-problem">
            <strong>{plural(preview.problems.length, 'record', 'records')} with problems</strong>{' '}
            will be left out
          </li>
        )}
      </ul>
      {preview.duplicates.length > 0 && (
        <DuplicatesSection preview={preview} choice={duplicates} onChange={onDuplicatesChange} />
      )}
      {preview.problems.length > 0 && (
        <WhereList id="import-problems" heading="Records with problems" items={preview.problems} />
      )}
      {preview.warnings.length > 0 && (
        <WhereList id="import-warnings" heading="Imported with a change" items={preview.warnings} />
      )}
      <RecordsTable preview={preview} />
    </div>
  );
}

/** Messages that name a file and a line: problems (left out) or warnings (changed). */
function WhereList({
  id,
  heading,
  items,
}: {
  id: string;
  heading: string;
  items: ImportPreview['problems'];
}) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{heading}</h4>
      <ul className="import-problems">
        {items.slice(0, 100).map((p, i) => (
          <li key={`${p.file}:${p.line}:${i}`}>
            <span className="import-where">
              {p.file}, line {p.line}
            </span>
            : {p.message}
          </li>
        ))}
      </ul>
      {items.length > 100 && <p className="muted">…and {items.length - 100} more.</p>}
    </section>
  );
}

function RecordsTable({ preview }: { preview: ImportPreview }) {
  const more = preview.records - preview.sample.length;
  return (
    <section aria-labelledby="import-records-heading">
      <h4 id="import-records-heading">Records</h4>
      <div className="import-table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Authors</th>
              <th scope="col" className="num">
                Year
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((r) => (
              <tr key={`${r.file}:${r.line}`}>
                <td className="title-cell" title={r.title}>
                  {r.title}
                </td>
                <td className="import-authors">{authorLabel(r.authors)}</td>
                <td className="num">{r.year ?? <span className="muted">—</span>}</td>
                <td className="import-status">
                  {r.duplicate && <span className="badge badge-warn">Duplicate</span>}
                  {!r.hasText && <span className="badge">Nothing to code yet</span>}
                  {!r.duplicate && r.hasText && <span className="badge badge-ok">New</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 && <p className="muted">…and {more} more.</p>}
    </section>
  );
}

function authorLabel(authors: string[]): string {
  if (authors.length === 0) return '—';
  const first = authors[0]!.split(',')[0]!;
  return authors.length > 2 ? `${first} et al.` : authors.map((a) => a.split(',')[0]).join(' & ');
}
