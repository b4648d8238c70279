import { useMemo } from 'react';
import { useLocation, useParams } from 'react-router';
import { sortRows } from '@kodbok/core';
import type { Assignments, Project } from '@kodbok/contracts';
import { useMe } from '../../features/auth/api/get-me';
import { useProject } from '../../features/projects/api/get-project';
import { useMembers } from '../../features/projects/api/get-members';
import { canSuperviseCoding } from '../../features/projects/utils/roles';
import { IndependentCodingBadge } from '../../features/projects/components/independent-coding-badge';
import { useStudies } from '../../features/studies/api/get-studies';
import { studyLabel } from '../../features/studies/utils/study-label';
import { useAssignments } from '../../features/assignments/api/get-assignments';
import { useDeleteAssignment } from '../../features/assignments/api/delete-assignment';
import { AssignForm, type StudyScope } from '../../features/assignments/components/assign-form';
import { CoderProgressTable } from '../../features/assignments/components/coder-progress-table';
import { StudyProgressTable } from '../../features/assignments/components/study-progress-table';
import { MyQueue } from '../../features/assignments/components/my-queue';
import {
  coderProgress,
  myQueue,
  progressTotals,
  studyProgress,
  type StudyRef,
} from '../../features/assignments/lib/progress';
import { isNotFound, errorText } from '../../components/error-text';
import { FormError } from '../../components/form-error';
import { ProjectNotFound } from '../../components/not-found';
import { SkeletonRows } from '../../components/skeleton';
import { useToast } from '../../components/toast';
import { countOf } from '../../lib/plural';

/**
 * Assignments and progress. Owners and supervisors assign studies to coders and follow each
 * coder's and each study's progress; everyone with assignments sees their own queue. Studies
 * chosen on the studies page arrive in the navigation state (`studyIds`).
 */
export function ProgressRoute() {
  const { projectId = '' } = useParams();
  const me = useMe();
  const project = useProject(projectId);
  const role = project.data?.role;
  const assignments = useAssignments(projectId, {
    enabled: role !== undefined && role !== 'viewer',
  });
  const studies = useStudies(projectId);
  const refs: StudyRef[] = useMemo(
    () =>
      sortRows(studies.data ?? [], { key: 'label', direction: 'ascending' }, (s) =>
        studyLabel(s),
      ).map((s) => ({ id: s.id, label: studyLabel(s), title: s.title })),
    [studies.data],
  );

  if (isNotFound(project.error)) return <ProjectNotFound />;
  const manage = role !== undefined && canSuperviseCoding(role);
  const loading =
    !project.data || studies.isPending || (role !== 'viewer' && assignments.isPending);
  const queue =
    assignments.data && me.data ? myQueue(refs, assignments.data.assignments, me.data.id) : [];
  return (
    <main className="page">
      <div className="page-head">
        <h1>{manage ? 'Progress' : 'My queue'}</h1>
        {project.data && <IndependentCodingBadge project={project.data} />}
      </div>
      <FormError error={project.error ?? studies.error ?? assignments.error} />
      {role === 'viewer' ? (
        <p className="muted">
          Viewers have no assignments: owners and supervisors assign studies to coders.
        </p>
      ) : loading ? (
        !project.error && <SkeletonRows count={6} label="Loading progress" />
      ) : (
        <>
          {manage && assignments.data && (
            <SupervisorProgress project={project.data!} studies={refs} data={assignments.data} />
          )}
          {(!manage || queue.length > 0) && me.data && (
            <section className={manage ? 'section' : undefined} aria-labelledby="queue-heading">
              <h2 id="queue-heading" className={manage ? undefined : 'visually-hidden'}>
                My queue
              </h2>
              <MyQueue projectId={projectId} meId={me.data.id} items={queue} />
            </section>
          )}
        </>
      )}
    </main>
  );
}

function SupervisorProgress({
  project,
  studies,
  data,
}: {
  project: Project;
  studies: readonly StudyRef[];
  data: Assignments;
}) {
  const members = useMembers(project.id);
  const unassign = useDeleteAssignment(project.id);
  const notify = useToast();
  const location = useLocation();
  const names = new Map([
    ...data.coders.map((c) => [c.userId, c.name] as const),
    ...(members.data ?? []).map((m) => [m.userId, m.name] as const),
  ]);
  const rows = studyProgress(studies, data.assignments, (id) => names.get(id) ?? 'Former member');
  const totals = progressTotals(rows);
  const selected = selectedFromState(location.state);
  const scopes: StudyScope[] = [
    ...(selected.length > 0
      ? [
          {
            id: 'selected',
            label: `Selected on the Studies page (${selected.length})`,
            studyIds: selected,
          },
        ]
      : []),
    { id: 'all', label: `All studies (${totals.studies})`, studyIds: rows.map((r) => r.study.id) },
    {
      id: 'unassigned',
      label: `Not assigned yet (${totals.unassigned})`,
      studyIds: rows.filter((r) => r.status === 'unassigned').map((r) => r.study.id),
    },
  ];
  const coders = (members.data ?? [])
    .filter((m) => m.role !== 'viewer')
    .map((m) => ({ id: m.userId, name: m.name }));

  return (
    <>
      <section aria-labelledby="assign-heading">
        <h2 id="assign-heading">Assign studies</h2>
        <FormError error={members.error} />
        <AssignForm projectId={project.id} scopes={scopes} coders={coders} />
      </section>
      <section className="section" aria-labelledby="coders-heading">
        <h2 id="coders-heading">Coders</h2>
        <CoderProgressTable rows={coderProgress(data)} />
      </section>
      <section className="section" aria-labelledby="studies-heading">
        <h2 id="studies-heading">Studies</h2>
        <p className="muted">
          {totals.done} of {countOf(totals.studies, 'study', 'studies')} done by all their coders;{' '}
          {totals.unassigned} not assigned.
        </p>
        <StudyProgressTable
          projectId={project.id}
          rows={rows}
          onUnassign={(studyId, userId, label) =>
            unassign.mutate(
              { studyId, userId },
              {
                onSuccess: () => notify({ message: `Unassigned ${label}.` }),
                onError: (error) => notify({ message: errorText(error), kind: 'error' }),
              },
            )
          }
        />
      </section>
    </>
  );
}

/** Study ids handed over by the studies page's "Assign selected", if any. */
function selectedFromState(state: unknown): string[] {
  const ids = (state as { studyIds?: unknown } | null)?.studyIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}
