// Stub: replaced by the real page.
export function WorkspaceRoute() {
  return (
    <main>
      <h1>WorkspaceRoute</h1>
    </main>
  );
}
