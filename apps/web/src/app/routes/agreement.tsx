import { useMemo } from 'react';
import { useParams } from 'react-router';
import { CONSENSUS_CODER_ID, type Member, type Project } from '@kodbok/contracts';
import { flattenTree } from '@kodbok/core';
import { useProject } from '../../features/projects/api/get-project';
import { useMembers } from '../../features/projects/api/get-members';
import { useCodes } from '../../lib/queries/get-codes';
import { useStudies } from '../../features/studies/api/get-studies';
import { AgreementPage } from '../../features/agreement/components/agreement-page';
import { SupervisorsOnly } from '../../features/agreement/components/supervisors-only';
import { isNotFound } from '../../components/error-text';
import { FormError } from '../../components/form-error';
import { ProjectNotFound } from '../../components/not-found';
import { SkeletonRows } from '../../components/skeleton';

/** Coding consistency for owners and supervisors: agreement statistics and the agreement grid. */
export function AgreementRoute() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const members = useMembers(projectId);
  const codes = useCodes(projectId);
  const studies = useStudies(projectId);
  const options = useMemo(
    () => ({
      coders: coderOptions(members.data ?? []),
      defaultCoders: (members.data ?? []).filter((m) => m.role === 'coder').map((m) => m.userId),
      codes: flattenTree(codes.data ?? []).map((c) => ({ id: c.id, name: c.name, depth: c.depth })),
      studies: (studies.data ?? []).map((s) => ({ id: s.id, label: studyLabel(s) })),
    }),
    [members.data, codes.data, studies.data],
  );

  if (isNotFound(project.error)) return <ProjectNotFound />;
  return (
    <main className="page page-wide agreement-page">
      {!project.data || members.isPending ? (
        <>
          <FormError error={project.error ?? members.error} />
          <SkeletonRows count={6} label="Loading the project" />
        </>
      ) : !canSupervise(project.data) ? (
        <>
          <h1>Coding agreement</h1>
          <SupervisorsOnly />
        </>
      ) : (
        <AgreementPage
          projectId={projectId}
          projectName={project.data.name}
          coders={options.coders}
          // Fewer than two coders: nothing to compare until the supervisor chooses.
          defaultCoders={options.defaultCoders.length >= 2 ? options.defaultCoders : []}
          codes={options.codes}
          studies={options.studies}
        />
      )}
    </main>
  );
}

const canSupervise = (project: Project) =>
  project.role === 'owner' || project.role === 'supervisor';

/** Everyone who may code, then the consensus coding, which compares like a coder. */
function coderOptions(members: readonly Member[]) {
  return [
    ...members.filter((m) => m.role !== 'viewer').map((m) => ({ id: m.userId, name: m.name })),
    { id: CONSENSUS_CODER_ID, name: 'Consensus' },
  ];
}

function studyLabel(s: { authors: readonly string[]; year: number | null; title: string }) {
  const surname = s.authors[0]?.split(',')[0]?.trim();
  const head = surname ? `${surname}${s.year ? ` ${s.year}` : ''}: ` : '';
  const title = s.title.length > 70 ? `${s.title.slice(0, 69)}…` : s.title;
  return head + title;
}
