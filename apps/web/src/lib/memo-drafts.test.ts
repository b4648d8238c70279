import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoDrafts, memoStatus, memoStatusText, type MemoSaver } from './memo-drafts';

/** A saver whose answers the test gives, one by one. */
function fakeServer() {
  const calls: Array<{ memo: string | null; keepalive: boolean; answer: (ok: boolean) => void }> =
    [];
  const save: MemoSaver = (memo, { keepalive }) =>
    new Promise((resolve) => calls.push({ memo, keepalive, answer: resolve }));
  return { calls, save };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('memo drafts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the last text once, 600 ms after the last keystroke', async () => {
    const server = fakeServer();
    const drafts = createMemoDrafts();
    drafts.hold('h1');
    drafts.edit('h1', 'E', '', server.save);
    await vi.advanceTimersByTimeAsync(400);
    drafts.edit('h1', 'Echoes', '', server.save);
    expect(memoStatus(drafts.get('h1')!)).toBe('editing');
    await vi.advanceTimersByTimeAsync(599);
    expect(server.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls.map((c) => c.memo)).toEqual(['Echoes']);
    expect(memoStatus(drafts.get('h1')!)).toBe('saving');
    server.calls[0]!.answer(true);
    await settle();
    expect(memoStatus(drafts.get('h1')!)).toBe('saved');
    expect(drafts.hasUnsaved()).toBe(false);
  });

  it('saves at once when the field is left or another highlight is selected', async () => {
    const server = fakeServer();
    const drafts = createMemoDrafts();
    drafts.hold('h1');
    drafts.edit('h1', 'Typed and clicked away', '', server.save);
    drafts.release('h1');
    expect(server.calls.map((c) => c.memo)).toEqual(['Typed and clicked away']);
    // Still there while it is on its way: coming back shows it.
    expect(drafts.get('h1')?.text).toBe('Typed and clicked away');
    server.calls[0]!.answer(true);
    await settle();
    // Stored and shown by nobody: forgotten, the document cache holds it now.
    expect(drafts.get('h1')).toBeUndefined();
    await vi.runAllTimersAsync();
    expect(server.calls).toHaveLength(1);
  });

  it('saves text typed during a save after it, in order, never two at once', async () => {
    const server = fakeServer();
    const drafts = createMemoDrafts();
    drafts.hold('h1');
    drafts.edit('h1', 'first', '', server.save);
    drafts.flush('h1');
    drafts.edit('h1', 'first and more', '', server.save);
    drafts.flush('h1');
    expect(server.calls).toHaveLength(1);
    server.calls[0]!.answer(true);
    await settle();
    expect(server.calls.map((c) => c.memo)).toEqual(['first', 'first and more']);
    expect(memoStatus(drafts.get('h1')!)).toBe('saving');
    server.calls[1]!.answer(true);
    await settle();
    expect(drafts.get('h1')).toMatchObject({ text: 'first and more', stored: 'first and more' });
  });

  it('keeps the text of a refused save, even after its field is gone, until Retry stores it', async () => {
    const server = fakeServer();
    const drafts = createMemoDrafts();
    drafts.hold('h1');
    drafts.edit('h1', 'Do not lose me', 'old', server.save);
    drafts.release('h1');
    server.calls[0]!.answer(false);
    await settle();
    expect(drafts.get('h1')).toMatchObject({ text: 'Do not lose me', stored: 'old' });
    expect(memoStatus(drafts.get('h1')!)).toBe('failed');
    expect(drafts.hasUnsaved()).toBe(true);

    drafts.hold('h1');
    drafts.flush('h1');
    expect(server.calls.map((c) => c.memo)).toEqual(['Do not lose me', 'Do not lose me']);
    server.calls[1]!.answer(true);
    await settle();
    expect(memoStatus(drafts.get('h1')!)).toBe('saved');
  });

  it('treats a rejected save like a refused one', async () => {
    const drafts = createMemoDrafts();
    drafts.edit('h1', 'x', '', () => Promise.reject(new Error('offline')));
    drafts.flush('h1');
    await settle();
    expect(memoStatus(drafts.get('h1')!)).toBe('failed');
  });

  it('sends a blank memo as no memo, and saves nothing when the text is back to the stored one', async () => {
    const server = fakeServer();
    const drafts = createMemoDrafts();
    drafts.hold('h1');
    drafts.edit('h1', 'stored!', 'stored', server.save);
    drafts.edit('h1', 'stored', 'stored', server.save);
    await vi.runAllTimersAsync();
    expect(server.calls).toHaveLength(0);
    drafts.edit('h1', '  \n', 'stored', server.save);
    drafts.flush('h1');
    expect(server.calls.map((c) => c.memo)).toEqual([null]);
  });

  it('saves every waiting draft with keepalive when the page is left', () => {
    const server = fakeServer();
    const drafts = createMemoDrafts();
    drafts.edit('h1', 'one', '', server.save);
    drafts.edit('h2', 'two', '', server.save);
    expect(drafts.hasUnsaved()).toBe(true);
    drafts.flushAll({ keepalive: true });
    expect(server.calls.map((c) => [c.memo, c.keepalive])).toEqual([
      ['one', true],
      ['two', true],
    ]);
  });

  it('starts from the memo as shown when an earlier draft is already stored', async () => {
    const server = fakeServer();
    const drafts = createMemoDrafts();
    drafts.hold('h1');
    drafts.edit('h1', 'mine', '', server.save);
    drafts.flush('h1');
    server.calls[0]!.answer(true);
    await settle();
    // Someone else changed it since (a supervisor): that is what the next edit compares with.
    drafts.edit('h1', 'theirs, edited', 'theirs', server.save);
    expect(drafts.get('h1')?.stored).toBe('theirs');
  });

  it('words the status for the live region', () => {
    expect(
      ['editing', 'saving', 'saved', 'failed', null].map((s) => memoStatusText(s as never)),
    ).toEqual(['Saving…', 'Saving…', 'Saved', 'Couldn’t save', '']);
  });
});
