// Stub: replaced by the real page.
export function ProjectsRoute() {
  return (
    <main>
      <h1>ProjectsRoute</h1>
    </main>
  );
}
