import { notifyManager, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

// Cache changes reach components in a microtask rather than a later timer task, so an optimistic
// update made in an event handler (a new highlight) is rendered and painted in the same frame as
// the handler's own changes (the picker closing), not one frame later.
notifyManager.setScheduler(queueMicrotask);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not get better by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});
