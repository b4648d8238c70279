import { useEffect, useSyncExternalStore } from 'react';
import { createMemoDrafts, memoStatus, type MemoDraft, type MemoStatus } from '../lib/memo-drafts';

/**
 * The page's one set of memo drafts. It outlives the workspace's components on purpose: a save
 * that fails after the coder moved to another study keeps its text for when they come back.
 */
const drafts = createMemoDrafts();

// Leaving the page (reload, closing the tab, a link out) saves what is waiting with keepalive, so
// the request outlives the page; if something typed is still not known to be stored, the browser
// asks before leaving, as desktop tools do for unsaved work.
window.addEventListener('beforeunload', (event) => {
  if (!drafts.hasUnsaved()) return;
  drafts.flushAll({ keepalive: true });
  event.preventDefault();
});
window.addEventListener('pagehide', () => drafts.flushAll({ keepalive: true }));

export interface MemoDraftView {
  /** The draft under way, or undefined when the stored memo is what to show. */
  draft: MemoDraft | undefined;
  status: MemoStatus | null;
  edit: (text: string) => void;
  /** Save now: leaving the field, or Retry. */
  flush: () => void;
}

/**
 * The memo draft of one memo (`key`: a highlight's id, or "study:<id>" and the like), for its
 * memo field. While the field is shown the draft is held; when it goes (another highlight,
 * another study, another page) what is waiting is saved at once.
 */
export function useMemoDraft(
  key: string,
  stored: string,
  save: (memo: string | null, keepalive: boolean) => Promise<boolean>,
): MemoDraftView {
  const draft = useSyncExternalStore(drafts.subscribe, () => drafts.get(key));
  // Holding is an external subscription of sorts: what effects are for.
  useEffect(() => {
    drafts.hold(key);
    return () => drafts.release(key);
  }, [key]);
  const status = draft ? memoStatus(draft) : null;
  return {
    draft: status === 'saved' ? undefined : draft,
    status,
    edit: (text) => drafts.edit(key, text, stored, (memo, { keepalive }) => save(memo, keepalive)),
    flush: () => drafts.flush(key),
  };
}
