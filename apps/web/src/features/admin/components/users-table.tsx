import type { User } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import { useToast } from '../../../components/toast';
import { errorText } from '../../../components/error-text';
import { useUsers } from '../api/get-users';
import { useUpdateUser } from '../api/update-user';

/** Every account on the instance; the owner can disable one (which signs it out everywhere). */
export function UsersTable({ currentUserId }: { currentUserId: string }) {
  const users = useUsers();
  if (users.isPending) return <SkeletonRows count={4} label="Loading accounts" />;
  if (users.error) return <FormError error={users.error} />;
  return (
    <table className="table">
      <caption className="visually-hidden">Accounts</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {users.data.map((user) => (
          <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} />
        ))}
      </tbody>
    </table>
  );
}

function UserRow({ user, isSelf }: { user: User; isSelf: boolean }) {
  const update = useUpdateUser();
  const notify = useToast();
  const disabled = update.isPending ? Boolean(update.variables.body.disabled) : user.disabled;
  const toggle = () =>
    update.mutate(
      { userId: user.id, body: { disabled: !user.disabled } },
      {
        onSuccess: (u) => notify({ message: `${u.name} ${u.disabled ? 'disabled' : 'enabled'}.` }),
        onError: (error) => notify({ message: errorText(error), kind: 'error' }),
      },
    );
  return (
    <tr>
      <td>
        {user.name}
        {user.isInstanceOwner && <span className="badge">instance owner</span>}
      </td>
      <td>{user.email}</td>
      <td>{disabled ? 'Disabled' : 'Active'}</td>
      <td className="num">
        {/* Disabling yourself would lock the instance's only administrator out. */}
        {!isSelf && (
          <button
            type="button"
            className={disabled ? 'button button-small' : 'button button-small button-danger'}
            disabled={update.isPending}
            onClick={toggle}
          >
            {disabled ? 'Enable' : 'Disable'}
            <span className="visually-hidden"> {user.name}</span>
          </button>
        )}
      </td>
    </tr>
  );
}
