// Stub: replaced by the real page.
export function SignInRoute() {
  return (
    <main>
      <h1>SignInRoute</h1>
    </main>
  );
}
