import type { RefiNotice } from '@kodbok/contracts';

/** What was left out or read differently, and why: rendered as text, one line each. */
export function NoticeList({ title, notices }: { title: string; notices: readonly RefiNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <details className="refi-notices" open={title.startsWith('Skipped')}>
      <summary>
        {title} ({notices.length})
      </summary>
      <ul>
        {notices.map((n, i) => (
          <li key={i}>
            <strong>{n.what}</strong>: {n.why}
          </li>
        ))}
      </ul>
    </details>
  );
}
