// Stub: replaced by the real page.
export function NotFoundRoute() {
  return (
    <main>
      <h1>NotFoundRoute</h1>
    </main>
  );
}
