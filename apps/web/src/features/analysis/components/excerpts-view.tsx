import { useState } from 'react';
import { Link } from 'react-router';
import { splitByRanges } from '@kodbok/core';
import type { AnalysisFilter } from '../api/analysis-params';
import { useDocumentSearch } from '../api/search-documents';
import { ExcerptList } from './excerpt-list';

interface Props {
  projectId: string;
  filter: AnalysisFilter;
  q: string;
  onSearch: (q: string) => void;
  codeName: (id: string) => string;
}

/** Every coded passage that passes the filters, searchable (quotes, memos and documents' text). */
export function ExcerptsView({ projectId, filter, q, onSearch, codeName }: Props) {
  const [draft, setDraft] = useState(q);
  return (
    <>
      <form
        className="form-inline search-row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          onSearch(draft.trim());
        }}
      >
        <div className="field">
          <label htmlFor="excerpt-search">Search excerpts and documents</label>
          <input
            id="excerpt-search"
            type="search"
            value={draft}
            placeholder="Words in quotes, memos or texts"
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <div className="excerpts-layout">
        <section aria-labelledby="excerpts-heading">
          <h2 id="excerpts-heading">Excerpts</h2>
          <ExcerptList
            projectId={projectId}
            filter={filter}
            selection={{ q, studies: [] }}
            codeName={codeName}
            empty={q ? `No excerpt contains “${q}”.` : 'No coded passages match these filters yet.'}
          />
        </section>
        {q && <DocumentMatches projectId={projectId} q={q} />}
      </div>
    </>
  );
}

function DocumentMatches({ projectId, q }: { projectId: string; q: string }) {
  const search = useDocumentSearch(projectId, q);
  const items = search.data?.items ?? [];
  return (
    <section aria-labelledby="documents-heading" className="document-matches">
      <h2 id="documents-heading">In documents</h2>
      {search.isPending ? (
        <p className="muted">Searching…</p>
      ) : items.length === 0 ? (
        <p className="muted">No document text contains “{q}”.</p>
      ) : (
        <ol className="excerpts">
          {items.map((item) => (
            <li key={item.documentId} className="excerpt">
              <blockquote>
                {item.snippetStart > 0 && '…'}
                {splitByRanges(item.snippet, item.matches).map((p, i) =>
                  p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
                )}
                …
              </blockquote>
              <Link
                to={`/projects/${projectId}/studies/${item.studyId}?document=${item.documentId}`}
              >
                {item.studyTitle}
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
