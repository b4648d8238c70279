import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { RefiFileError } from './errors';

/*
 * The .qdpx container: a zip with one project .qde at its root and the sources' files in a
 * `sources/` folder. fflate reads it from memory (docs/decisions/013): the central directory is
 * checked before anything is inflated, and each entry inflates into a buffer of the size it
 * declares, so an entry that lies about its size is cut short rather than allowed to grow.
 */

export interface ArchiveLimits {
  /** Uncompressed bytes of all entries together. */
  maxTotal: number;
  maxEntries: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxTotal: 512 * 1024 * 1024,
  maxEntries: 20_000,
};

export interface ProjectArchive {
  /** The .qde entry's name, as stored. */
  qdeName: string;
  qde: Uint8Array;
  /** Every other file entry, by its path in lower case. */
  files: Map<string, { path: string; bytes: Uint8Array }>;
}

/** True when the bytes start like a zip (a local file header, or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** Refuses entry names that would leave the archive's folder if anyone ever unpacked it. */
function checkEntryName(name: string): void {
  const parts = name.split(/[\\/]/);
  if (/^([a-zA-Z]:)?[\\/]/.test(name) || /^[a-zA-Z]:/.test(name) || parts.includes('..')) {
    throw new RefiFileError(
      `The archive has an entry "${name}" whose path leaves the archive: refused`,
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) {
    throw new RefiFileError(`The archive has an entry whose name holds control characters`);
  }
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/**
 * Opens a .qdpx: checks every entry's name, the number of entries and their declared sizes
 * before inflating anything, then finds the one `*.qde` at the root (any name, any case:
 * ATLAS.ti 26 writes `<project name>.qde`).
 */
export function readProjectArchive(
  bytes: Uint8Array,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): ProjectArchive {
  let entries = 0;
  let total = 0;
  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(bytes, {
      filter(file) {
        checkEntryName(file.name);
        if (++entries > limits.maxEntries) {
          throw new RefiFileError(
            `The archive has more than ${limits.maxEntries} entries: refused as a possible zip bomb`,
            true,
          );
        }
        total += file.originalSize;
        if (total > limits.maxTotal) {
          throw new RefiFileError(
            `The archive unpacks to more than ${mb(limits.maxTotal)}: refused as a possible zip bomb`,
            true,
          );
        }
        return !file.name.endsWith('/');
      },
    });
  } catch (err) {
    if (err instanceof RefiFileError) throw err;
    throw new RefiFileError(
      `The file is not a readable zip archive (.qdpx): ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const names = Object.keys(unpacked);
  const qdes = names.filter((n) => !/[\\/]/.test(n) && /\.qde$/i.test(n));
  if (qdes.length === 0) {
    throw new RefiFileError(
      'The archive holds no project file: a .qdpx has one .qde (such as project.qde) at its root',
    );
  }
  if (qdes.length > 1) {
    throw new RefiFileError(
      `The archive holds ${qdes.length} project files (${qdes.join(', ')}): a .qdpx has exactly one .qde`,
    );
  }
  const files = new Map<string, { path: string; bytes: Uint8Array }>();
  for (const name of names) {
    if (name !== qdes[0])
      files.set(name.replace(/\\/g, '/').toLowerCase(), { path: name, bytes: unpacked[name]! });
  }
  return { qdeName: qdes[0]!, qde: unpacked[qdes[0]!]!, files };
}

/** Zips `files` (path → text or bytes), compressing text; the .qde first, as tools expect. */
export function writeArchive(
  files: ReadonlyArray<{ path: string; content: string | Uint8Array }>,
): Uint8Array {
  const tree: Zippable = {};
  for (const f of files) {
    tree[f.path] = typeof f.content === 'string' ? strToU8(f.content) : f.content;
  }
  return zipSync(tree, { level: 6 });
}
