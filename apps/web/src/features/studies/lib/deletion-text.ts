import type { StudyDeletion } from '@kodbok/contracts';
import { countOf } from '../../../lib/plural';

/**
 * What a deletion takes with it, in the confirmation's words: "With it go 1 document and
 * 14 highlights (every coder’s)." The highlights are the number the user must weigh, so they are
 * always named, none included.
 */
export function deletionText({ studies, documents, highlights }: StudyDeletion): string {
  const one = studies === 1;
  const docs = countOf(documents, 'document', 'documents');
  if (highlights > 0) {
    const coded = countOf(highlights, 'highlight', 'highlights');
    return `With ${one ? 'it' : 'them'} go ${docs} and ${coded} (every coder’s).`;
  }
  if (documents > 0)
    return `With ${one ? 'it goes' : 'them go'} ${docs}; no one has coded ${one ? 'it' : 'them'}.`;
  return one ? 'It has no text and no highlights.' : 'They have no text and no highlights.';
}

/** The confirmation's title: the study's own title for one, the number for many. */
export function deletionTitle(studies: number, title?: string): string {
  return studies === 1 && title
    ? `Delete “${title}”?`
    : `Delete ${countOf(studies, 'study', 'studies')}?`;
}
