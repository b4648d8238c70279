import { windows1252 } from '../text-encodings';

/*
 * Finding and decoding a source's plain text inside a .qdpx. Paths vary (deviations §B4):
 * `internal://<guid>.txt` (the standard), a bare `board_2017.txt` (qc), `relative:///…` or an
 * absolute `basePath` (ATLAS.ti), in a `sources/` or `Sources/` folder (NVivo for Windows), or
 * no folder at all. `basePath` is never trusted: only the archive's own entries are read.
 */

export type ArchiveFiles = ReadonlyMap<string, { path: string; bytes: Uint8Array }>;

/** The archive entry a `plainTextPath` (or, failing that, a source GUID) names, if any. */
export function findSourceFile(
  files: ArchiveFiles,
  plainTextPath: string | null,
  guid: string,
): { path: string; bytes: Uint8Array } | undefined {
  const candidates: string[] = [];
  if (plainTextPath) {
    const rest = plainTextPath
      .trim()
      .replace(/^[a-z]+:\/\//i, '')
      .replace(/^\/+/, '')
      .replace(/\\/g, '/');
    const base = rest.split('/').pop() ?? rest;
    candidates.push(`sources/${rest}`, rest, `sources/${base}`, base);
  }
  candidates.push(`sources/${guid}.txt`);
  for (const c of candidates) {
    const hit = files.get(c.toLowerCase());
    if (hit) return hit;
  }
  return undefined;
}

/**
 * A text file's bytes as a string: UTF-8 with or without a BOM (the BOM kept, so positions can
 * be mapped over the text as written), UTF-16 when its BOM says so, and Windows-1252 when the
 * bytes are not valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return windows1252.decode(bytes);
  }
}
