import type { QdpxPreview } from '@kodbok/contracts';
import { NoticeList } from './notice-list';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const BECOMES: Record<QdpxPreview['coders'][number]['becomes'], string> = {
  you: 'your coding',
  consensus: 'the consensus coding',
  'new coder': 'a new coder (cannot sign in)',
};

function held(h: QdpxPreview['holds']): string {
  const parts = [
    plural(h.sources, 'source', 'sources'),
    plural(h.cases, 'case', 'cases'),
    plural(h.codes, 'code', 'codes'),
    plural(h.selections, 'selection', 'selections'),
    plural(h.users, 'user', 'users'),
  ];
  return `${parts.join(', ')} and ${plural(h.notes, 'note', 'notes')}`;
}

/** What a REFI-QDA project holds and what importing it creates, before anything is stored. */
export function QdpxPreviewView({ preview }: { preview: QdpxPreview }) {
  const { holds, creates } = preview;
  return (
    <div className="refi-preview" data-testid="qdpx-preview">
      <h3>“{preview.name}”</h3>
      <p className="muted">
        Written by {preview.origin || 'an unnamed tool'}. It holds {held(holds)}.
      </p>
      <ul className="import-summary" aria-label="What the import creates">
        <li>
          <strong>{plural(creates.studies, 'study', 'studies')}</strong> with{' '}
          {plural(creates.documents, 'document', 'documents')}
        </li>
        <li>
          <strong>{plural(creates.codes, 'code', 'codes')}</strong>
        </li>
        <li>
          <strong>{plural(creates.highlights, 'highlight', 'highlights')}</strong>
        </li>
        {creates.memos > 0 && (
          <li>
            <strong>{plural(creates.memos, 'memo', 'memos')}</strong> on the project, studies,
            documents and codes
          </li>
        )}
      </ul>
      {preview.coders.length > 0 && (
        <ul className="refi-coders" aria-label="Coders">
          {preview.coders.map((c, i) => (
            <li key={i}>
              {c.name}: {plural(c.highlights, 'highlight', 'highlights')}
              {c.memos > 0 && `, ${plural(c.memos, 'memo', 'memos')}`}, as {BECOMES[c.becomes]}
            </li>
          ))}
        </ul>
      )}
      <p className="field-hint">Positions read as {preview.positions}.</p>
      <NoticeList title="Skipped" notices={preview.skipped} />
      <NoticeList title="Read differently from the standard" notices={preview.adjusted} />
    </div>
  );
}
