import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/refi/source-text';

/* A .qdpx source's bytes as text: positions are mapped over the text as written. */
describe('decodeText', () => {
  it('keeps a UTF-8 BOM, which positions count over', () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa5]))).toBe('\ufeffaå');
  });

  it('reads UTF-16 by its BOM', () => {
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0xe5, 0x00]))).toBe('\ufeffaå');
  });

  it('reads bytes that are not UTF-8 as Windows-1252, curly quotes and dashes too', () => {
    // “Troms\xf8” – in Windows-1252: 0x93 and 0x94 are the quotes, 0x96 the dash.
    const bytes = Uint8Array.from([0x93, 0x54, 0x72, 0x6f, 0x6d, 0x73, 0xf8, 0x94, 0x20, 0x96]);
    expect(decodeText(bytes)).toBe('“Tromsø” –');
  });
});
