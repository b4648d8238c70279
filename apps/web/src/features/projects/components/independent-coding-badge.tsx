import type { Project } from '@kodbok/contracts';
import '../projects.css';

/**
 * A quiet badge saying the project codes blind, so a coder knows why only their own coding is on
 * screen (and a supervisor that the coders cannot see each other's).
 */
export function IndependentCodingBadge({ project }: { project: Project }) {
  if (!project.independentCoding) return null;
  const why =
    project.role === 'coder'
      ? 'Coders work independently here: you see only your own coding.'
      : project.role === 'viewer'
        ? 'Coders work independently here: you see the agreed (consensus) coding.'
        : 'Coders work independently here: each sees only their own coding; you see everyone’s.';
  return (
    <span className="badge independent-badge" title={why}>
      Independent coding
      <span className="visually-hidden">. {why}</span>
    </span>
  );
}
