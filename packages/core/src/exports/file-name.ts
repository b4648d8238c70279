/**
 * The file name of an export: the project, what it is and the day, e.g.
 * "Peer-support-workers-excerpts-2026-11-29.csv". HTTP's Content-Disposition carries an ASCII
 * form for old clients and the exact UTF-8 name (RFC 6266, RFC 8187) for the rest.
 */

export interface ExportFileName {
  /** Letters, digits, "-", "_" and "." only. */
  ascii: string;
  /** The project's name as written (minus characters no file system allows). */
  unicode: string;
}

const MAX_NAME = 80;

/** Latin letters without their accents (å → a, ø → o, æ → ae, ß → ss); other characters dropped. */
function asciiSlug(text: string): string {
  return text
    .replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O'))
    .replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'AE'))
    .replace(/[œŒ]/g, (c) => (c === 'œ' ? 'oe' : 'OE'))
    .replace(/ß/g, 'ss')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_NAME)
    .replace(/-+$/, '');
}

/** The name as a file system takes it: no path separators, control or reserved characters. */
function safeUnicode(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_NAME)
      .trim()
  );
}

/** "2026-11-29" in UTC. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function exportFileName(
  projectName: string,
  what: string,
  extension: string,
  date: Date,
): ExportFileName {
  const suffix = `${what}-${isoDay(date)}.${extension}`;
  return {
    ascii: `${asciiSlug(projectName) || 'project'}-${suffix}`,
    unicode: `${safeUnicode(projectName) || 'project'} ${suffix}`,
  };
}

/** RFC 8187 value: UTF-8, percent-encoded, with the characters encodeURIComponent keeps but the RFC does not. */
function encodeRfc8187(text: string): string {
  return encodeURIComponent(text).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `attachment; filename="…"; filename*=UTF-8''…`: a download, named in ASCII and in UTF-8. */
export function contentDisposition(name: ExportFileName): string {
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeRfc8187(name.unicode)}`;
}
