import { useState } from 'react';
import { Link } from 'react-router';
import type { Study } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import { useStudies } from '../api/get-studies';
import { studyLabel } from '../utils/study-label';

/**
 * The compact studies pane of the coding workspace. Filters the cached full list on the client:
 * it is instant while typing and shares its cache with the studies page.
 */
export function StudySidebar({
  projectId,
  activeStudyId,
}: {
  projectId: string;
  activeStudyId: string;
}) {
  const [filter, setFilter] = useState('');
  const studies = useStudies(projectId);
  const visible = (studies.data ?? []).filter((s) => matches(s, filter));

  return (
    <div className="study-sidebar">
      <input
        type="search"
        className="study-sidebar-filter"
        aria-label="Filter studies"
        placeholder="Filter studies…"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {studies.isPending && <SkeletonRows count={8} label="Loading studies" />}
      <FormError error={studies.error} />
      {studies.data && (
        <nav aria-label="Studies">
          {visible.length === 0 ? (
            <p className="muted study-sidebar-empty">
              {studies.data.length === 0 ? 'No studies yet.' : 'No study matches the filter.'}
            </p>
          ) : (
            <ul className="study-sidebar-list">
              {visible.map((study) => (
                <li key={study.id}>
                  <StudyLink
                    projectId={projectId}
                    study={study}
                    active={study.id === activeStudyId}
                  />
                </li>
              ))}
            </ul>
          )}
        </nav>
      )}
    </div>
  );
}

function StudyLink({
  projectId,
  study,
  active,
}: {
  projectId: string;
  study: Study;
  active: boolean;
}) {
  const coded = study.myHighlights > 0;
  return (
    <Link
      to={`/projects/${projectId}/studies/${study.id}`}
      aria-current={active ? 'page' : undefined}
      title={study.title}
      className="study-sidebar-link"
    >
      <span className={coded ? 'dot dot-coded' : 'dot'} aria-hidden="true" />
      <span className="study-sidebar-label">{studyLabel(study)}</span>
      <span className="count">
        <span className="visually-hidden">, my highlights: </span>
        {study.myHighlights}
      </span>
    </Link>
  );
}

function matches(study: Study, filter: string): boolean {
  const needle = filter.trim().toLocaleLowerCase();
  if (!needle) return true;
  const haystack =
    `${studyLabel(study)} ${study.title} ${study.authors.join(' ')}`.toLocaleLowerCase();
  return haystack.includes(needle);
}
