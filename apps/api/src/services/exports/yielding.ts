/*
 * Handing the event loop back during an export: better-sqlite3 and the writers are synchronous,
 * and the API has one thread (services/time-slice.ts has the same idea for analysis views).
 */

/** Resolves on the next turn of the event loop, after pending I/O (another user's request). */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Bytes per chunk a stream yields: small enough to stay out of V8's large-object space. */
const CHUNK_BYTES = 32 * 1024;

/** Where `chunked` encodes lines before a chunk is full: one per thread, reused. */
const scratch = Buffer.allocUnsafeSlow(CHUNK_BYTES);

/**
 * Lines as Buffers of about CHUNK_BYTES each, each line encoded straight into the chunk. Joining
 * the lines into a string first made a chain of string pieces and then a flat copy of it per
 * chunk: at a million lines, a third of what an export allocated (and so of its collections).
 * Each chunk owns its memory exactly, so the read worker moves it to the API thread as it is.
 * Nothing is left in `scratch` at a yield, so exports that interleave cannot mix their bytes.
 */
export function* chunked(lines: Iterable<string>): Generator<Buffer> {
  let used = 0;
  const take = () => {
    const chunk = Buffer.allocUnsafeSlow(used);
    scratch.copy(chunk, 0, 0, used);
    used = 0;
    return chunk;
  };
  for (const line of lines) {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8: a line that may not fit goes to a new chunk.
    if (used + line.length * 3 > CHUNK_BYTES) {
      if (used > 0) yield take();
      if (line.length * 3 > CHUNK_BYTES) {
        yield Buffer.from(line);
        continue;
      }
    }
    used += scratch.write(line, used);
  }
  if (used > 0) yield take();
}
