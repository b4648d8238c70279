import { useMe } from '../../features/auth/api/get-me';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { TokensSection } from '../../features/auth/components/tokens-section';

export function AccountRoute() {
  const me = useMe();
  return (
    <main className="page">
      <div className="page-head">
        <h1>Account</h1>
      </div>
      {me.data && (
        <p className="muted">
          Signed in as {me.data.name} ({me.data.email})
        </p>
      )}
      <section className="section page-narrow-section" aria-labelledby="change-password-heading">
        <h2 id="change-password-heading">Change password</h2>
        <ChangePasswordForm />
      </section>
      <TokensSection />
    </main>
  );
}
