// Stub: replaced by the real page.
export function ProjectSettingsRoute() {
  return (
    <main>
      <h1>ProjectSettingsRoute</h1>
    </main>
  );
}
