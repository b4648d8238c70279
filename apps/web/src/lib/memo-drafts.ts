/*
 * Memos save as you type, as in NVivo and MAXQDA: nothing is lost by clicking another highlight,
 * opening another study or leaving the page. A draft lives here, by memo key (a highlight's id,
 * "study:<id>"…), for the page's lifetime rather than in the memo's form, so a save that fails
 * after the form is gone keeps its text, and the form shows it with a Retry when the memo is
 * shown again.
 *
 * No DOM and no React: timers are injected, so the store is tested with fake ones.
 */

/** Where a memo stands: typed and waiting, on its way, stored, or refused. */
export type MemoStatus = 'editing' | 'saving' | 'saved' | 'failed';

export interface MemoDraft {
  /** What the memo field shows. */
  readonly text: string;
  /** The memo as last known stored: what a save compares against. */
  readonly stored: string;
  /** The text of the save in flight; null when none is. */
  readonly sending: string | null;
  /** The last save was refused (or never arrived); typing or Retry tries again. */
  readonly failed: boolean;
}

/** Stores one memo; resolves to false when it was not stored (the caller showed why). */
export type MemoSaver = (memo: string | null, options: { keepalive: boolean }) => Promise<boolean>;

/** A blank memo is no memo, as the server stores it. */
export function memoValue(text: string): string | null {
  return text.trim() ? text : null;
}

export function memoStatus(draft: MemoDraft): MemoStatus {
  if (draft.sending !== null) return 'saving';
  if (draft.failed) return 'failed';
  return memoValue(draft.text) === memoValue(draft.stored) ? 'saved' : 'editing';
}

/**
 * The words of the memo's status line. A change waiting for the debounce already reads
 * "Saving…": it is on its way, and the live region then says it once, not twice.
 */
export function memoStatusText(status: MemoStatus | null): string {
  if (status === 'editing' || status === 'saving') return 'Saving…';
  if (status === 'saved') return 'Saved';
  if (status === 'failed') return 'Couldn’t save';
  return '';
}

interface Entry {
  draft: MemoDraft;
  save: MemoSaver;
  timer: unknown;
}

export interface MemoDraftOptions {
  /** Quiet time after the last keystroke before saving, in ms. */
  delay?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export type MemoDrafts = ReturnType<typeof createMemoDrafts>;

/**
 * The drafts of memos being edited. One save per memo is in flight at a time, so saves arrive in
 * the order typed; a change made meanwhile is saved when the one in flight settles.
 */
export function createMemoDrafts({
  delay = 600,
  setTimer = (run, ms) => setTimeout(run, ms),
  clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}: MemoDraftOptions = {}) {
  const entries = new Map<string, Entry>();
  /** How many memo fields show each memo; a stored draft nobody shows is forgotten. */
  const holders = new Map<string, number>();
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());

  const set = (id: string, entry: Entry, draft: MemoDraft) => {
    entry.draft = draft;
    if (!holders.has(id) && memoStatus(draft) === 'saved' && entries.get(id) === entry)
      entries.delete(id);
    changed();
  };

  const stopTimer = (entry: Entry) => {
    if (entry.timer !== undefined) clearTimer(entry.timer);
    entry.timer = undefined;
  };

  function flush(id: string, options = { keepalive: false }): void {
    const entry = entries.get(id);
    if (!entry) return;
    stopTimer(entry);
    const { draft } = entry;
    const status = memoStatus(draft);
    if (status === 'saving' || status === 'saved') return;
    const sending = draft.text;
    set(id, entry, { ...draft, sending, failed: false });
    const settle = (ok: boolean) => {
      const now = entry.draft;
      set(
        id,
        entry,
        ok
          ? { ...now, stored: sending, sending: null, failed: false }
          : { ...now, sending: null, failed: true },
      );
      // Typed while this one was on its way: that is saved next.
      if (ok && memoStatus(entry.draft) === 'editing') flush(id);
    };
    entry.save(memoValue(sending), options).then(settle, () => settle(false));
  }

  return {
    get: (id: string): MemoDraft | undefined => entries.get(id)?.draft,

    /**
     * The memo field changed. `stored` is the memo as the field got it (used when no draft is
     * under way); `save` stores it. Saves `delay` ms after the last change.
     */
    edit(id: string, text: string, stored: string, save: MemoSaver): void {
      let entry = entries.get(id);
      // Nothing under way: start from the memo as shown (it may have changed since a last save).
      const fresh = { text: stored, stored, sending: null, failed: false };
      if (!entry) {
        entry = { draft: fresh, save, timer: undefined };
        entries.set(id, entry);
      } else if (memoStatus(entry.draft) === 'saved') {
        entry.draft = fresh;
      }
      entry.save = save;
      stopTimer(entry);
      // A failed draft tries again with the next save; until then it reads as not yet saved.
      set(id, entry, { ...entry.draft, text, failed: false });
      if (memoStatus(entry.draft) === 'editing') entry.timer = setTimer(() => flush(id), delay);
    },

    /** Saves now what is waiting (leaving the field, another memo, Retry). */
    flush,

    /** Saves every waiting draft now; `keepalive` when the page is being left. */
    flushAll(options = { keepalive: false }): void {
      for (const id of [...entries.keys()]) flush(id, options);
    },

    /** Whether anything typed is not known to be stored: leaving now could lose it. */
    hasUnsaved: (): boolean => [...entries.values()].some((e) => memoStatus(e.draft) !== 'saved'),

    /** A memo field shows this memo. */
    hold(id: string): void {
      holders.set(id, (holders.get(id) ?? 0) + 1);
    },

    /** The field is gone: what is waiting is saved now, and a stored draft is forgotten. */
    release(id: string): void {
      const held = (holders.get(id) ?? 1) - 1;
      if (held > 0) holders.set(id, held);
      else holders.delete(id);
      flush(id);
      const entry = entries.get(id);
      if (entry && !holders.has(id) && memoStatus(entry.draft) === 'saved') entries.delete(id);
    },

    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
