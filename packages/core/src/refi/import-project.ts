import {
  DEFAULT_ARCHIVE_LIMITS,
  looksLikeZip,
  readProjectArchive,
  type ArchiveLimits,
} from './archive';
import { RefiFileError } from './errors';
import { readProject } from './project-read';
import { planProjectImport, type RefiImportPlan } from './project-plan';
import { decodeText } from './source-text';
import { parseXml } from './xml-read';

/** True when the bytes, after a BOM and white space, start like XML. */
export function looksLikeXml(bytes: Uint8Array): boolean {
  const head = decodeText(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('<');
}

/**
 * Reads a REFI-QDA project upload and plans its import: a .qdpx (zip), or a bare .qde (its XML
 * alone, as some tools and repositories keep it; its sources' texts are then missing and
 * listed). `fileName` names the project when the file does not.
 */
export function planQdpxImport(
  bytes: Uint8Array,
  fileName: string,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): RefiImportPlan {
  const fallbackName = fileName.replace(/\.(qdpx|qde|zip)$/i, '').trim() || 'Imported project';
  if (looksLikeZip(bytes)) {
    const archive = readProjectArchive(bytes, limits);
    const root = parseXml(decodeText(archive.qde), archive.qdeName);
    return planProjectImport(readProject(root, archive.qdeName), archive.files, fallbackName);
  }
  if (looksLikeXml(bytes)) {
    const root = parseXml(decodeText(bytes), fileName);
    return planProjectImport(readProject(root, fileName), new Map(), fallbackName);
  }
  throw new RefiFileError(
    `${fileName} is neither a REFI-QDA project archive (.qdpx, a zip) nor a project XML (.qde)`,
  );
}
