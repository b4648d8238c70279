// Stub: replaced by the real page.
export function UsersRoute() {
  return (
    <main>
      <h1>UsersRoute</h1>
    </main>
  );
}
