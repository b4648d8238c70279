import { useState, type FormEvent } from 'react';
import type { Disagreements } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { useCreateComment } from '../api/create-comment';
import { formatDateTime } from './format';

type Region = Disagreements['regions'][number];

/** The region's short discussion: what was said, and a box to add to it. */
export function CommentThread({ documentId, region }: { documentId: string; region: Region }) {
  const [body, setBody] = useState('');
  const create = useCreateComment(documentId);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) return;
    create.mutate(
      { codeId: region.codeId, start: region.start, end: region.end, body: body.trim() },
      { onSuccess: () => setBody('') },
    );
  }
  return (
    <section className="ag-comments" aria-labelledby="agreement-comments-title">
      <h3 id="agreement-comments-title">Comments</h3>
      {region.comments.length === 0 ? (
        <p className="muted">No comments yet.</p>
      ) : (
        <ol className="ag-comment-list">
          {region.comments.map((c) => (
            <li key={c.id}>
              <p className="ag-comment-meta">
                <strong>{c.userName}</strong>{' '}
                <time dateTime={c.createdAt} className="muted">
                  {formatDateTime(c.createdAt)}
                </time>
              </p>
              <p className="ag-comment-body">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="ag-comment-form" onSubmit={submit}>
        <label htmlFor="agreement-comment">Add a comment</label>
        <textarea
          id="agreement-comment"
          value={body}
          maxLength={5000}
          rows={2}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
          }}
        />
        <FormError error={create.error} />
        <button
          type="submit"
          className="button button-small"
          disabled={create.isPending || !body.trim()}
        >
          Comment
        </button>
      </form>
    </section>
  );
}
