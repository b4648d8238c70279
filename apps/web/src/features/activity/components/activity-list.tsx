import type { Activity } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import { useActivity } from '../api/get-activity';
import { activityText } from '../lib/activity-text';
import '../activity.css';

/** The project's activity log, newest first, fifty entries at a time. */
export function ActivityList({ projectId }: { projectId: string }) {
  const activity = useActivity(projectId);
  if (activity.isPending) return <SkeletonRows count={6} label="Loading activity" />;
  if (activity.error) return <FormError error={activity.error} />;
  const entries = activity.data.pages.flatMap((p) => p.items);
  if (entries.length === 0) return <p className="empty">Nothing has happened here yet.</p>;
  return (
    <>
      <ol className="activity-list" aria-label="Activity, newest first">
        {entries.map((entry) => (
          <ActivityItem key={entry.id} entry={entry} />
        ))}
      </ol>
      {activity.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={activity.isFetchingNextPage}
          onClick={() => void activity.fetchNextPage()}
        >
          {activity.isFetchingNextPage ? 'Loading…' : 'Show older activity'}
        </button>
      )}
    </>
  );
}

function ActivityItem({ entry }: { entry: Activity }) {
  const { actor, verb, subject, detail } = activityText(entry);
  return (
    <li>
      <time dateTime={entry.createdAt} className="muted">
        {new Date(entry.createdAt).toLocaleString(undefined, {
          dateStyle: 'medium',
          timeStyle: 'short',
        })}
      </time>
      <span>
        <strong>{actor}</strong> {verb} “{subject}”
        {detail && <span className="muted">: {detail}</span>}
      </span>
    </li>
  );
}
