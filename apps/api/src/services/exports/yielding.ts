/*
 * Handing the event loop back during an export: better-sqlite3 and the writers are synchronous,
 * and the API has one thread (services/time-slice.ts has the same idea for analysis views).
 */

/** Resolves on the next turn of the event loop, after pending I/O (another user's request). */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Characters per chunk a stream yields: small enough to stay out of V8's large-object space. */
const CHUNK_CHARS = 32 * 1024;

/**
 * Lines as Buffers of about CHUNK_CHARS each. One string per page (a megabyte) would be allocated
 * where only a full garbage collection frees it, and the heap would grow by ~150 MB before one.
 */
export function* chunked(lines: Iterable<string>): Generator<Buffer> {
  let text = '';
  for (const line of lines) {
    text += line;
    if (text.length >= CHUNK_CHARS) {
      yield Buffer.from(text);
      text = '';
    }
  }
  if (text) yield Buffer.from(text);
}
