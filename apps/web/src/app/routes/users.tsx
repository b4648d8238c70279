import { useMe } from '../../features/auth/api/get-me';
import { UsersTable } from '../../features/admin/components/users-table';
import { CreateUserForm } from '../../features/admin/components/create-user-form';
import { BackupSection } from '../../features/admin/components/backup-section';
import { SkeletonRows } from '../../components/skeleton';

export function UsersRoute() {
  const me = useMe();
  if (!me.data) {
    return (
      <main className="page">
        <h1>Users</h1>
        <SkeletonRows count={4} />
      </main>
    );
  }
  if (!me.data.isInstanceOwner) {
    return (
      <main className="page page-narrow">
        <h1>Users</h1>
        <p role="alert">Not allowed: only the owner of this Kodbok instance can manage accounts.</p>
      </main>
    );
  }
  return (
    <main className="page">
      <div className="page-head">
        <h1>Users</h1>
      </div>
      <UsersTable currentUserId={me.data.id} />
      <CreateUserForm />
      <BackupSection />
    </main>
  );
}
