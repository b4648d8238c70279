import type { ExportHighlight } from './excerpt-table';

/*
 * Coded excerpts as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): each
 * highlight an Annotation whose bodies tag it with its codes (and comment with its memo), whose
 * target selects its span twice, by quote (TextQuoteSelector) and by position
 * (TextPositionSelector), and whose creator is its coder. Kodbok's ids become URNs.
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface TextualBody {
  type: 'TextualBody';
  id?: string;
  purpose: 'tagging' | 'commenting';
  value: string;
  format: 'text/plain';
}
export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'tagging';
  created: string;
  creator: { id: string; type: 'Person' | 'Organization'; name: string };
  body: TextualBody[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
}

export const urn = (kind: 'project' | 'document' | 'highlight' | 'user' | 'code', id: string) =>
  `urn:kodbok:${kind}:${encodeURIComponent(id)}`;

/**
 * The UTF-16 offsets of characters outside the Basic Multilingual Plane (emoji, rare CJK), each a
 * surrogate pair; empty for most texts, which makes converting offsets free.
 */
export function astralOffsets(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) out.push(i++);
    }
  }
  return out;
}

/**
 * A UTF-16 offset (Kodbok's unit) as a count of Unicode code points, the unit the annotation
 * vocabulary defines for TextPositionSelector: every surrogate pair before it counts once.
 */
export function codePointOffset(utf16: number, astral: readonly number[]): number {
  let lo = 0;
  let hi = astral.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (astral[mid]! < utf16) lo = mid + 1;
    else hi = mid;
  }
  return utf16 - lo;
}

/**
 * One highlight as an Annotation. `codes` are the codes to tag it with (id and "Theme › Code"
 * path); `position` is its span in code points; the consensus coding's creator is the team.
 */
export function toWebAnnotation(
  h: ExportHighlight,
  codes: ReadonlyArray<{ id: string; path: string }>,
  position: { start: number; end: number },
  consensusCoderId: string,
): WebAnnotation {
  const body: TextualBody[] = codes.map((c) => ({
    type: 'TextualBody',
    id: urn('code', c.id),
    purpose: 'tagging',
    value: c.path,
    format: 'text/plain',
  }));
  if (h.memo?.trim())
    body.push({ type: 'TextualBody', purpose: 'commenting', value: h.memo, format: 'text/plain' });
  return {
    id: urn('highlight', h.id),
    type: 'Annotation',
    motivation: 'tagging',
    created: h.createdAt,
    creator: {
      id: urn('user', h.coderId),
      type: h.coderId === consensusCoderId ? 'Organization' : 'Person',
      name: h.coderName,
    },
    body,
    target: {
      source: urn('document', h.documentId),
      selector: [
        { type: 'TextQuoteSelector', exact: h.quote, prefix: h.prefix, suffix: h.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    },
  };
}

/**
 * The start of an AnnotationCollection whose first (and only) AnnotationPage lists the items
 * that follow, comma-separated, until annotationCollectionEnd: written this way so a million
 * annotations can stream without being held in memory. The total comes last, counted as they
 * went out (JSON does not order keys), so no query has to count them first.
 */
export function annotationCollectionStart(collection: { id: string; label: string }): string {
  const whole = JSON.stringify({
    '@context': ANNOTATION_CONTEXT,
    id: collection.id,
    type: 'AnnotationCollection',
    label: collection.label,
    first: { type: 'AnnotationPage', startIndex: 0, items: [] },
  });
  return whole.slice(0, -']}}'.length);
}

/** Closes what annotationCollectionStart opened, with the number of items written. */
export function annotationCollectionEnd(total: number): string {
  return `]},"total":${total}}\n`;
}
