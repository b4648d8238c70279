import type { ReactNode } from 'react';
import '../projects.css';

/**
 * The row of links to a project's other pages (analysis, progress, settings…) under its title:
 * a row of its own, wrapping, so the title and the page's actions keep their room at any width.
 */
export function ProjectNav({ children }: { children: ReactNode }) {
  return (
    <nav className="project-nav" aria-label="Project pages">
      {children}
    </nav>
  );
}
