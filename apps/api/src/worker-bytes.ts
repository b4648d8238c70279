/*
 * Answers that cross from a worker thread to the API thread as JSON bytes, written in the worker
 * and moved (not copied) across: the API thread only sends them, instead of cloning an object
 * graph and serialising it again (a 10,000-record import preview held it for 150 ms).
 */

/** JSON text of a `T` as bytes, to be sent as they are (routes/json-text.ts). */
export type JsonBytes<T> = Buffer & { readonly __json?: T };

/** `value` as UTF-8 JSON in a buffer of its own, so it can be moved with postMessage. */
export function jsonBytes(value: unknown): Uint8Array {
  return movable(Buffer.from(JSON.stringify(value), 'utf8'));
}

/**
 * The bytes in an ArrayBuffer of their own: Node's small Buffers share a pool, and moving the
 * pool would take it from everything else in the thread.
 */
export function movable(chunk: Uint8Array): Uint8Array {
  const owns =
    chunk.buffer instanceof ArrayBuffer &&
    chunk.byteOffset === 0 &&
    chunk.byteLength === chunk.buffer.byteLength;
  return owns ? chunk : new Uint8Array(chunk);
}

/** Moved bytes as a Buffer, without a copy. */
export const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
