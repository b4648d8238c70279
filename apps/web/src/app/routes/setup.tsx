import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import { useSetup } from '../../features/auth/api/get-setup';
import { SetupForm } from '../../features/auth/components/setup-form';
import { FormError } from '../../components/form-error';
import { SkeletonRows } from '../../components/skeleton';

export function SetupRoute() {
  const setup = useSetup();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Once someone owns the instance this page has nothing to offer. Right after creating the owner
  // (who is then signed in and cached as ['me']) that means home; for anyone else, sign in.
  if (setup.data && !setup.data.required) {
    // null: the session was asked for and nobody is signed in.
    const signedIn = Boolean(queryClient.getQueryData(['me']));
    return <Navigate to={signedIn ? '/' : '/sign-in'} replace />;
  }
  return (
    <main className="page page-narrow auth-page">
      <h1>Welcome to Kodbok</h1>
      <p className="muted">
        Create the owner account of this instance. You can add your team afterwards.
      </p>
      {setup.isPending && <SkeletonRows count={4} />}
      <FormError error={setup.error} />
      {setup.data && <SetupForm onDone={() => navigate('/', { replace: true })} />}
    </main>
  );
}
