import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A whole-page "not here" message with a way back. Pages render it inside their own flow. */
export function NotFoundPage({
  title = 'Page not found',
  children,
}: {
  title?: string;
  children?: ReactNode;
}) {
  return (
    <main className="page page-narrow">
      <h1>{title}</h1>
      <p>{children ?? 'The address may be mistyped, or the page has moved.'}</p>
      <p>
        <Link to="/">Go to your projects</Link>
      </p>
    </main>
  );
}

/** A project the user cannot see answers 404, the same as one that does not exist. */
export function ProjectNotFound() {
  return (
    <NotFoundPage title="Project not found">
      This project does not exist, or you are not a member of it. Ask its owner to add you.
    </NotFoundPage>
  );
}
