import { isUtf8 } from 'node:buffer';
import { linesOf, windows1252, type BytesDecoder, type FileText } from '@kodbok/core';
import type { DecodedUpload, Upload } from './types';

/** Each file of an upload as text, in the encoding its bytes are in. */
export function decodeUpload(upload: Upload): DecodedUpload {
  return {
    files: upload.files.map((f) => ({ name: f.name, text: decode(f.bytes) })),
    ...(upload.mapping ? { mapping: upload.mapping } : {}),
  };
}

// Lines are decoded one by one: a BOM is left out of the first by hand, and kept by the decoder
// anywhere else, as decoding the whole text would keep it.
const UTF8: BytesDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * UTF-8 (with or without BOM); UTF-16 when its BOM says so (Excel's "Unicode text"); a file that
 * is not valid UTF-8 is read as Windows-1252, as old EndNote versions write. UTF-8 and
 * Windows-1252 are read a line at a time from the bytes, which must then be kept until the file
 * is parsed (docs/decisions/023).
 */
function decode(bytes: Uint8Array): FileText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (!isUtf8(bytes)) return linesOf(bytes, windows1252);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return linesOf(bom ? bytes.subarray(3) : bytes, UTF8);
}
