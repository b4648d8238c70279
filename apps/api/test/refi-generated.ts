import { strToU8, zipSync } from 'fflate';

/** The shape of a generated .qdpx: sources (each a study), selections per source, coders, codes. */
export interface QdpxShape {
  sources: number;
  selectionsPerSource: number;
  coders: number;
  codes: number;
  /** Words of text per source. */
  words: number;
}

const guid = (kind: number, n: number) =>
  `${String(kind).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * A REFI-QDA project of any size, written as another tool would (no Kodbok descriptions): a
 * two-level codebook, coders who each code and write a note on every tenth source, selections
 * spread over each text. Deterministic, so two imports of one shape hold the same.
 */
export function generatedQdpx(shape: QdpxShape, name = 'Generated'): Uint8Array {
  const users = Array.from(
    { length: shape.coders },
    (_, i) => `<User guid="${guid(1, i)}" name="Coder ${i}"/>`,
  );
  const themes = Math.max(1, Math.floor(shape.codes / 10));
  const codes: string[] = [];
  for (let t = 0; t < themes; t++) {
    const children: string[] = [];
    for (let c = t; c < shape.codes; c += themes)
      if (c >= themes)
        children.push(`<Code guid="${guid(2, c)}" name="Code ${c}" isCodable="true"/>`);
    codes.push(
      `<Code guid="${guid(2, t)}" name="Theme ${t}" isCodable="true">${children.join('')}</Code>`,
    );
  }
  const files: Record<string, Uint8Array> = {};
  const sources: string[] = [];
  const notes: string[] = [];
  const word = (i: number) => `word${i % 97}`;
  for (let s = 0; s < shape.sources; s++) {
    const text = Array.from({ length: shape.words }, (_, i) => word(i + s)).join(' ');
    files[`sources/${guid(3, s)}.txt`] = strToU8(text);
    const step = Math.floor(text.length / (shape.selectionsPerSource + 1));
    const selections: string[] = [];
    for (let k = 0; k < shape.selectionsPerSource; k++) {
      const n = s * shape.selectionsPerSource + k;
      const coder = guid(1, n % shape.coders);
      selections.push(
        `<PlainTextSelection guid="${guid(4, n)}" startPosition="${k * step}" endPosition="${k * step + 12}" creatingUser="${coder}"><Coding guid="${guid(5, n)}" creatingUser="${coder}"><CodeRef targetGUID="${guid(2, n % shape.codes)}"/></Coding></PlainTextSelection>`,
      );
    }
    const ref = s % 10 === 0 ? `<NoteRef targetGUID="${guid(6, s)}"/>` : '';
    if (ref)
      notes.push(
        `<Note guid="${guid(6, s)}" name="Note ${s}" creatingUser="${guid(1, s % shape.coders)}"><PlainTextContent>About source ${s}</PlainTextContent></Note>`,
      );
    sources.push(
      `<TextSource guid="${guid(3, s)}" name="Source ${s}" plainTextPath="internal://${guid(3, s)}.txt">${selections.join('')}${ref}</TextSource>`,
    );
  }
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="${name}" origin="Generator 1.0">
<Users>${users.join('')}</Users>
<CodeBook><Codes>${codes.join('')}</Codes></CodeBook>
<Sources>${sources.join('\n')}</Sources>
<Notes>${notes.join('')}</Notes>
</Project>`;
  return zipSync({ 'project.qde': strToU8(xml), ...files });
}
