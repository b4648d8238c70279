import { useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../lib/api-client';
import { useMe } from '../../features/auth/api/get-me';
import { useSetup } from '../../features/auth/api/get-setup';
import { useDeleteSession } from '../../features/auth/api/delete-session';
import { UserMenu } from '../../features/auth/components/user-menu';
import { useToast } from '../../components/toast';
import { errorText } from '../../components/error-text';
import { SkeletonRows } from '../../components/skeleton';
import { holdDroppedFiles } from '../../lib/early-drop';
import { AppBreadcrumbs } from './app-breadcrumbs';

/** The signed-in shell: header with breadcrumbs and the account menu; pages render their own <main>. */
export function AppLayout() {
  const setup = useSetup();
  const me = useMe();
  const location = useLocation();
  const signOut = useSignOut();

  if (setup.data?.required) return <Navigate to="/setup" replace />;
  // Nobody signed in (null), or a session that died between two requests (401).
  const signedOut = me.data === null || (me.error instanceof ApiError && me.error.status === 401);
  if (signedOut && setup.data) {
    const next = location.pathname + location.search;
    return (
      <Navigate
        to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`}
        replace
      />
    );
  }

  return (
    <>
      <header className="app-header">
        <Link to="/" className="brand">
          Kodbok
        </Link>
        <AppBreadcrumbs />
        {me.data && <UserMenu user={me.data} onSignOut={signOut} />}
      </header>
      {me.error && !signedOut ? (
        <main className="page page-narrow">
          <h1>Kodbok is not reachable</h1>
          <p role="alert">{errorText(me.error)}</p>
        </main>
      ) : me.data ? (
        <Outlet />
      ) : (
        // Pages wait for the session so a signed-out visit asks once, not once per page query.
        // Files dropped meanwhile are held for the page (lib/early-drop.ts).
        <main
          className="page"
          aria-busy="true"
          onDragOver={(e) => {
            if (e.dataTransfer.types.includes('Files')) e.preventDefault();
          }}
          onDrop={(e) => {
            if (e.dataTransfer.files.length === 0) return;
            e.preventDefault();
            holdDroppedFiles(location.pathname, [...e.dataTransfer.files]);
          }}
        >
          <SkeletonRows count={4} />
        </main>
      )}
    </>
  );
}

/** Signs out, leaves the signed-in pages, then forgets everything cached for this user. */
function useSignOut() {
  const deleteSession = useDeleteSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notify = useToast();
  return () =>
    deleteSession.mutate(undefined, {
      onSuccess: async () => {
        // Navigate first: clearing while still here would refetch the session and bounce with ?next=.
        await navigate('/sign-in', { replace: true });
        queryClient.clear();
      },
      onError: (error) => notify({ message: errorText(error), kind: 'error' }),
    });
}
