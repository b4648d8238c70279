import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSetup } from '../../features/auth/api/get-setup';
import { SignInForm } from '../../features/auth/components/sign-in-form';

export function SignInRoute() {
  const setup = useSetup();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  if (setup.data?.required) return <Navigate to="/setup" replace />;
  return (
    <main className="page page-narrow auth-page">
      <h1>Sign in to Kodbok</h1>
      <SignInForm onDone={() => navigate(next, { replace: true })} />
    </main>
  );
}

/** Only same-site paths: "?next=https://evil.example" or "//evil.example" must not redirect away. */
function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
