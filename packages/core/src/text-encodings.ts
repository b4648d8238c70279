import iconv from 'iconv-lite';

/** What turns bytes into text: a TextDecoder, or a decoder of a legacy encoding. */
export interface BytesDecoder {
  decode(bytes: Uint8Array): string;
}

/**
 * Windows-1252, which old EndNote versions and Windows tools write. Node's TextDecoder reads it as
 * Latin-1 since 20.18.3 (nodejs/node#60888): the bytes 0x80–0x9F, Word's curly quotes and dashes
 * among them, became invisible control characters. iconv-lite reads them as the encoding says.
 */
export const windows1252: BytesDecoder = {
  decode: (bytes) => iconv.decode(bytes, 'windows-1252'),
};
