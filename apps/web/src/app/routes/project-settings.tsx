import { Link, useNavigate, useParams } from 'react-router';
import { useProject } from '../../features/projects/api/get-project';
import { ProjectDetailsForm } from '../../features/projects/components/project-details-form';
import { MembersTable } from '../../features/projects/components/members-table';
import { InviteMemberForm } from '../../features/projects/components/invite-member-form';
import { PendingInvitations } from '../../features/projects/components/pending-invitations';
import { DeleteProjectSection } from '../../features/projects/components/delete-project-section';
import { IndependentCodingSetting } from '../../features/projects/components/independent-coding-setting';
import { canManageMembers, canSuperviseCoding } from '../../features/projects/utils/roles';
import { RefiExchangeSection } from '../../features/refi/components/refi-exchange-section';
import { isNotFound } from '../../components/error-text';
import { FormError } from '../../components/form-error';
import { ProjectNotFound } from '../../components/not-found';
import { SkeletonRows } from '../../components/skeleton';
import { useToast } from '../../components/toast';

export function ProjectSettingsRoute() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const navigate = useNavigate();
  const notify = useToast();

  if (isNotFound(project.error)) return <ProjectNotFound />;
  // The list's placeholder lacks nothing we need, but wait for the real answer before offering edits.
  const data = project.isPlaceholderData ? undefined : project.data;

  return (
    <main className="page">
      <div className="page-head">
        <h1>Project settings</h1>
      </div>
      <FormError error={project.error} />
      {!data ? (
        !project.error && <SkeletonRows count={6} label="Loading project" />
      ) : (
        <>
          {data.role === 'owner' && <ProjectDetailsForm project={data} />}
          {canSuperviseCoding(data.role) && <IndependentCodingSetting project={data} />}
          {!canManageMembers(data.role) && (
            <p className="muted">
              You are a {data.role} here: owners and supervisors manage members and settings.
            </p>
          )}
          <section className="section" aria-labelledby="members-heading">
            <h2 id="members-heading">Members</h2>
            <MembersTable project={data} />
            {canManageMembers(data.role) && (
              <>
                <PendingInvitations project={data} />
                <InviteMemberForm project={data} />
              </>
            )}
          </section>
          {data.role === 'owner' && (
            <section className="section" aria-labelledby="activity-heading">
              <h2 id="activity-heading">Activity</h2>
              <p>
                <Link to={`/projects/${data.id}/activity`}>See the activity log</Link>: who changed
                the codebook, studies, members and settings, and when.
              </p>
            </section>
          )}
          <RefiExchangeSection project={data} />
          {data.role === 'owner' && (
            <DeleteProjectSection
              project={data}
              onDeleted={() => {
                notify({ message: `Project “${data.name}” deleted.` });
                navigate('/', { replace: true });
              }}
            />
          )}
        </>
      )}
    </main>
  );
}
