/*
 * GUIDs as REFI-QDA writes them: 8-4-4-4-12 hex digits, optionally in braces. Tools differ in
 * case (NVivo lower, ATLAS.ti and MAXQDA upper, some files mixed) and qc writes the ASCII of an
 * MD5 digest (hex digits all the same), so GUIDs are compared case-insensitively without braces.
 */

const GUID =
  /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

export function isGuid(value: string): boolean {
  const m = GUID.exec(value.trim());
  return !!m && value.trim().startsWith('{') === value.trim().endsWith('}');
}

/** The form GUIDs are compared in: lower case, no braces, no surrounding space. */
export function guidKey(value: string): string {
  return value
    .trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase();
}

/**
 * A GUID for `id`: the id itself when it is one (Kodbok's ids are UUIDs), otherwise one derived
 * from it, the same every time (so two exports of a project name its parts alike). `kind` keeps
 * the GUIDs of different things made from one id apart (a highlight's selection and its note).
 */
export function guidFor(id: string, kind = ''): string {
  if (!kind && isGuid(id)) return guidKey(id);
  return hashGuid(`${kind}:${id}`);
}

/** Four FNV-1a hashes with different seeds, laid out as a version-8 (custom) UUID. */
function hashGuid(text: string): string {
  const words = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((seed) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    // A final avalanche, so similar texts differ in every digit.
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    return h >>> 0;
  });
  const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
