// Stub: replaced by the real page.
export function SetupRoute() {
  return (
    <main>
      <h1>SetupRoute</h1>
    </main>
  );
}
