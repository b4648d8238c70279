import { Link } from 'react-router';
import type { Excerpt } from '@kodbok/contracts';
import { splitByRanges } from '@kodbok/core';

interface Props {
  projectId: string;
  excerpt: Excerpt;
  codeName: (id: string) => string;
}

/** One coded passage with a little context, its citation, coder, codes and memo; links to the place. */
export function ExcerptCard({ projectId, excerpt: e, codeName }: Props) {
  const where = `/projects/${projectId}/studies/${e.studyId}?document=${e.documentId}&highlight=${e.highlightId}`;
  const cite = [e.firstAuthor, e.year].filter(Boolean).join(' ') || e.studyTitle;
  return (
    <li className="excerpt">
      <blockquote>
        {e.prefix && <span className="excerpt-context">…{fromWord(e.prefix)}</span>}
        <span className="excerpt-quote">
          {splitByRanges(e.quote, e.matches).map((piece, i) =>
            piece.marked ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
          )}
        </span>
        {e.suffix && <span className="excerpt-context">{toWord(e.suffix)}…</span>}
      </blockquote>
      <div className="excerpt-meta">
        <Link to={where} className="excerpt-link">
          {cite}
        </Link>
        <span className="muted" title={e.studyTitle}>
          {e.studyTitle}
        </span>
        <span>Coder: {e.coderName}</span>
        <ul className="excerpt-codes" aria-label="Codes">
          {e.codeIds.map((id) => (
            <li key={id} className="badge">
              {codeName(id)}
            </li>
          ))}
        </ul>
      </div>
      {e.memo && (
        <p className="excerpt-memo">
          <span className="visually-hidden">Memo: </span>
          {e.memo}
        </p>
      )}
    </li>
  );
}

// The stored context is cut at a fixed length; show it from and to whole words.
const fromWord = (prefix: string) => prefix.replace(/^\S*\s+/u, '') || prefix;
const toWord = (suffix: string) => suffix.replace(/\s+\S*$/u, '') || suffix;
