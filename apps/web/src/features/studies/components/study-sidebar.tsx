import { useEffect, useMemo, useRef, useState } from 'react';
import { sortRows } from '@kodbok/core';
import { Link } from 'react-router';
import type { Study } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import { useVirtualRows } from '../../../hooks/use-virtual-rows';
import { useStudies } from '../api/get-studies';
import { studyLabel } from '../utils/study-label';
import '../studies.css';

/** Where a study stands in the viewer's own assignments. */
export type AssignedState = 'open' | 'done';

/** Height of one study link (styles.css, .study-sidebar-link). */
const ROW = 28;

/**
 * The compact studies pane of the coding workspace. Filters the cached full list on the client:
 * it is instant while typing and shares its cache with the studies page. Only the links in view
 * are rendered, so a review of ten thousand studies opens (and re-renders as counts change) fast.
 * Counts are of the coding shown in the workspace (`coders`); studies assigned to the viewer are
 * marked, done ones with a tick.
 */
export function StudySidebar({
  projectId,
  activeStudyId,
  coders,
  assigned,
}: {
  projectId: string;
  activeStudyId: string;
  /** Whose highlights the counts are of (the `coders` parameter); default everyone's. */
  coders?: string;
  /** The viewer's own assignments, by study id. */
  assigned?: ReadonlyMap<string, AssignedState>;
}) {
  const [filter, setFilter] = useState('');
  const studies = useStudies(projectId, '', { coders, keepPrevious: true });
  // In citation order ("Grim 2022", "Wall 2022"), as the pane labels them.
  const visible = useMemo(
    () =>
      sortRows(
        (studies.data ?? []).filter((s) => matches(s, filter)),
        { key: 'label', direction: 'ascending' },
        (s) => studyLabel(s),
      ),
    [studies.data, filter],
  );
  const scrollRef = useRef<HTMLElement>(null);
  const { items, before, after, scrollToIndex } = useVirtualRows(visible.length, scrollRef, ROW);
  // The open study in view when the list first arrives or another study is opened.
  const activeIndex = visible.findIndex((s) => s.id === activeStudyId);
  const loaded = studies.data !== undefined;
  useEffect(() => {
    if (loaded && activeIndex >= 0) scrollToIndex(activeIndex);
    // Not on every filter keystroke: only when the open study or the list's arrival changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeStudyId, loaded]);

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
        <nav aria-label="Studies" className="study-sidebar-scroll" ref={scrollRef}>
          {visible.length === 0 ? (
            <p className="muted study-sidebar-empty">
              {studies.data.length === 0 ? 'No studies yet.' : 'No study matches the filter.'}
            </p>
          ) : (
            <ul className="study-sidebar-list">
              {before > 0 && <li aria-hidden="true" style={{ height: before }} />}
              {items.map(({ index }) => {
                const study = visible[index]!;
                return (
                  <li key={study.id}>
                    <StudyLink
                      projectId={projectId}
                      study={study}
                      active={study.id === activeStudyId}
                      assigned={assigned?.get(study.id)}
                    />
                  </li>
                );
              })}
              {after > 0 && <li aria-hidden="true" style={{ height: after }} />}
            </ul>
          )}
        </nav>
      )}
    </div>
  );
}

const ASSIGNED_TEXT = { open: ', assigned to you', done: ', assigned to you, done' } as const;

function StudyLink({
  projectId,
  study,
  active,
  assigned,
}: {
  projectId: string;
  study: Study;
  active: boolean;
  assigned: AssignedState | undefined;
}) {
  const coded = study.myHighlights > 0;
  const mark =
    assigned === 'done' ? 'dot dot-done' : assigned === 'open' ? 'dot dot-assigned' : 'dot';
  return (
    <Link
      to={`/projects/${projectId}/studies/${study.id}`}
      aria-current={active ? 'page' : undefined}
      title={`${study.title}${assigned ? ASSIGNED_TEXT[assigned] : ''}`}
      className="study-sidebar-link"
    >
      <span className={coded ? `${mark} dot-coded` : mark} aria-hidden="true" />
      <span className="study-sidebar-label">
        {studyLabel(study)}
        {assigned && <span className="visually-hidden">{ASSIGNED_TEXT[assigned]}</span>}
      </span>
      <span className="count">
        <span className="visually-hidden">, highlights shown: </span>
        {study.highlights}
      </span>
    </Link>
  );
}

function matches(study: Study, filter: string): boolean {
  const needle = filter.trim().toLocaleLowerCase();
  if (!needle) return true;
  const haystack =
    `${studyLabel(study)} ${study.title} ${study.authors.join(' ')} ${study.doi ?? ''}`.toLocaleLowerCase();
  return haystack.includes(needle);
}
