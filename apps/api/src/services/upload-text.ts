import type { DecodedUpload, Upload } from './types';

/** Each file of an upload as text, in the encoding its bytes are in. */
export function decodeUpload(upload: Upload): DecodedUpload {
  return {
    files: upload.files.map((f) => ({ name: f.name, text: decode(f.bytes) })),
    ...(upload.mapping ? { mapping: upload.mapping } : {}),
  };
}

/**
 * UTF-8 (with or without BOM); UTF-16 when its BOM says so (Excel's "Unicode text"); a file that
 * is not valid UTF-8 is read as Windows-1252, as old EndNote versions write.
 */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
