import type { Repositories } from '@kodbok/db';
import type { ActivityPage, ActivityQuery } from '@kodbok/contracts';
import { authorize } from './access';
import type { CurrentUser } from './types';

/**
 * The owners' view of the activity log. Entries are written by the services that make the
 * changes, in the same transaction (`repos.activity.record`), so a change and its entry stand or
 * fall together.
 */
export function createActivityService(repos: Repositories) {
  return {
    /** A page of the log, newest first; `cursor` is the previous page's nextCursor. */
    page(user: CurrentUser, projectId: string, query: ActivityQuery): ActivityPage {
      authorize(repos, user, projectId, 'viewActivity');
      const rows = repos.activity.page(projectId, query.cursor ?? null, query.limit + 1);
      const items = rows.slice(0, query.limit);
      return {
        items,
        nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null,
      };
    },
  };
}

/**
 * What a patch changed, in words for the log: "renamed from “Old”; changed colour, definition",
 * "independent coding on". Fields the patch leaves out or sets to their value are not changes;
 * null when nothing changed. `labels` names the fields worth telling, in the order to tell them.
 */
export function describeChanges<T extends object>(
  before: T,
  patch: Partial<T>,
  labels: Partial<Record<keyof T & string, string>>,
): string | null {
  const keys = (Object.keys(labels) as Array<keyof T & string>).filter(
    (k) => patch[k] !== undefined && JSON.stringify(patch[k]) !== JSON.stringify(before[k]),
  );
  const parts: string[] = [];
  const plain: string[] = [];
  for (const k of keys) {
    const value = patch[k];
    if (k === 'name' || k === 'title') parts.push(`renamed from “${String(before[k])}”`);
    else if (typeof value === 'boolean') parts.push(`${labels[k]} ${value ? 'on' : 'off'}`);
    else plain.push(labels[k]!);
  }
  if (plain.length > 0) parts.push(`changed ${plain.join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : null;
}
