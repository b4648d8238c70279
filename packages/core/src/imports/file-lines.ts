import type { BytesDecoder } from '../text-encodings';
import type { LineSource } from './text';

/** Bytes decoded for the head: at least the 16,384 characters detection reads (detect.ts). */
const HEAD_BYTES = 65_536;

const CR = 13;
const LF = 10;

/**
 * A file's lines read from its bytes one at a time (docs/decisions/023), in an encoding whose line
 * ends are the bytes CR and LF and never part of another character (UTF-8, Windows-1252; not
 * UTF-16). Decoded whole, a 25 MB export with one character beyond Latin-1 is a 50 MB string that
 * every record's values are slices of, so it lives as long as they do; decoded a line at a time,
 * each line is its own string, a one-byte one when it can be, and nothing holds the file's text.
 * A byte order mark is the caller's to leave out.
 */
export function linesOf(bytes: Uint8Array, decoder: BytesDecoder): LineSource {
  const decode = (from: number, to: number) => decoder.decode(bytes.subarray(from, to));
  return {
    head: decode(0, headEnd(bytes)),
    lines: () => eachLineOf(bytes, decode),
    text: () => decode(0, bytes.length),
  };
}

/**
 * Where the head ends: not inside a UTF-8 character, which would decode as U+FFFD (at most three
 * continuation bytes back; in a single-byte encoding that costs the head three characters).
 */
function headEnd(bytes: Uint8Array): number {
  let end = Math.min(bytes.length, HEAD_BYTES);
  const limit = end - 3;
  if (end < bytes.length) while (end > limit && (bytes[end]! & 0xc0) === 0x80) end--;
  return end;
}

/**
 * The lines between CRLF, LF and lone CR, as `eachLine` cuts a string (a last line always, empty
 * after a final line end). The ends are found by the bytes' own `indexOf`, not a loop in
 * JavaScript: a 25 MB file has 25 million bytes and 200,000 lines.
 */
function* eachLineOf(
  bytes: Uint8Array,
  decode: (from: number, to: number) => string,
): Generator<string> {
  let from = 0;
  let cr = bytes.indexOf(CR);
  let lf = bytes.indexOf(LF);
  while (cr >= 0 || lf >= 0) {
    const end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
    yield decode(from, end);
    from = end === cr && lf === cr + 1 ? lf + 1 : end + 1;
    if (cr >= 0 && cr < from) cr = bytes.indexOf(CR, from);
    if (lf >= 0 && lf < from) lf = bytes.indexOf(LF, from);
  }
  yield decode(from, bytes.length);
}
