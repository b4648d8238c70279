import type { Span } from './offsets';

/** Tuning for chunkText(): sizes in UTF-16 code units. */
export interface ChunkOptions {
  /** A chunk is cut at the next blank line once it is this long. */
  minLength?: number;
  /** Past this length a chunk is cut at the next line break of any kind. */
  maxLength?: number;
}

/**
 * Cuts a text into consecutive chunks that a `white-space: pre-wrap` renderer can lay out as
 * separate blocks without changing what is shown: every cut falls just after a line break, so no
 * line is broken where the text has none, and no character is added, lost or reordered.
 *
 * At a blank line the cut goes after its first newline, so the next chunk opens with the empty
 * line: decorations drawn above a chunk's first text line (badges) then stay inside the chunk.
 * A text without line breaks is one chunk. Returns spans tiling `[0, text.length)`; `[]` for "".
 */
export function chunkText(text: string, options: ChunkOptions = {}): Span[] {
  const minLength = options.minLength ?? 1500;
  const maxLength = Math.max(options.maxLength ?? 4 * minLength, minLength);
  const chunks: Span[] = [];
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) {
    const cut = nl + 1;
    if (cut >= text.length) break;
    const length = cut - start;
    const blankLine = text[cut] === '\n' || (text[cut] === '\r' && text[cut + 1] === '\n');
    if ((blankLine && length >= minLength) || length >= maxLength) {
      chunks.push({ start, end: cut });
      start = cut;
    }
  }
  if (start < text.length) chunks.push({ start, end: text.length });
  return chunks;
}

/**
 * How many lines `text` takes when wrapped at about `perLine` characters: an estimate of a
 * chunk's height before it is laid out. A final newline ends the last line and adds none.
 */
export function estimateLines(text: string, perLine: number): number {
  const lines = (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  return lines.reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
}
