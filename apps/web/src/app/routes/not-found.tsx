import { NotFoundPage } from '../../components/not-found';

export function NotFoundRoute() {
  return <NotFoundPage />;
}
