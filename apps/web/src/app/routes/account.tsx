// Stub: replaced by the real page.
export function AccountRoute() {
  return (
    <main>
      <h1>AccountRoute</h1>
    </main>
  );
}
