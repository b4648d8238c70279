import { Outlet } from 'react-router';

// Stub: replaced by the real layout.
export function AppLayout() {
  return <Outlet />;
}
