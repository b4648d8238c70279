// Stub: replaced by the real page.
export function StudiesRoute() {
  return (
    <main>
      <h1>StudiesRoute</h1>
    </main>
  );
}
