import { ROLES, type Member, type Project, type Role } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import { useToast } from '../../../components/toast';
import { errorText } from '../../../components/error-text';
import { useMembers } from '../api/get-members';
import { useUpdateMember } from '../api/update-member';
import { useDeleteMember } from '../api/delete-member';
import { assignableRoles, canManageMembers } from '../utils/roles';

export function MembersTable({ project }: { project: Project }) {
  const members = useMembers(project.id);
  if (members.isPending) return <SkeletonRows count={3} label="Loading members" />;
  if (members.error) return <FormError error={members.error} />;
  const manage = canManageMembers(project.role);
  return (
    <table className="table">
      <caption className="visually-hidden">Members</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          {manage && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {members.data.map((member) => (
          <MemberRow key={member.userId} project={project} member={member} manage={manage} />
        ))}
      </tbody>
    </table>
  );
}

function MemberRow({
  project,
  member,
  manage,
}: {
  project: Project;
  member: Member;
  manage: boolean;
}) {
  const update = useUpdateMember(project.id);
  const remove = useDeleteMember(project.id);
  const notify = useToast();
  const onError = (error: Error) => notify({ message: errorText(error), kind: 'error' });
  // A supervisor cannot hand out (or take away) ownership: the server would refuse.
  const options = assignableRoles(project.role);
  const editable = manage && options.includes(member.role);
  const role = update.isPending ? update.variables.role : member.role;

  return (
    <tr>
      <td>{member.name}</td>
      <td>{member.email}</td>
      <td>
        {editable ? (
          <select
            // Not "Role …": the invite form's select is labelled "Role" and must stay the only match.
            aria-label={`Access level of ${member.name}`}
            value={role}
            disabled={update.isPending}
            onChange={(e) =>
              update.mutate({ userId: member.userId, role: e.target.value as Role }, { onError })
            }
          >
            {ROLES.filter((r) => options.includes(r)).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        ) : (
          member.role
        )}
      </td>
      {manage && (
        <td className="num">
          {editable && (
            <button
              type="button"
              className="button button-small button-danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(member.userId, {
                  onSuccess: () => notify({ message: `${member.name} removed from the project.` }),
                  onError,
                })
              }
            >
              Remove<span className="visually-hidden"> {member.name}</span>
            </button>
          )}
        </td>
      )}
    </tr>
  );
}
