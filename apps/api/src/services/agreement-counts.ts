import type { StudyCodingRow } from '@kodbok/db';
import type { Repositories } from '@kodbok/db';
import type { CountsCache } from './counts-cache';
import type { CodingSource, Comparison } from './comparison';

/**
 * The codings of a comparison from the read worker's counts (docs/decisions/020) instead of the
 * highlights, for what needs only "who applied which code in which document": agreement at the
 * document level and the study grid. Reading a million highlights' offsets takes seconds; the
 * counts answer in one pass over memory.
 *
 * Each (document, code, coder) with a highlight becomes one row spanning the whole document, which
 * is what those levels read of it; each document a coder coded in gets a row with no code, so the
 * coder counts as having coded there ("covered"). A count of a code holds its descendants'
 * highlights too, so codes with children are read from the highlights, through the codes' index:
 * project-wide once, as teams seldom code a theme directly.
 */
export function codingsFromCounts(
  repos: Repositories,
  counts: CountsCache,
  cmp: Comparison,
): CodingSource {
  const parents = new Set(cmp.codes.map((c) => c.parentId));
  const leaves = cmp.codeIds.filter((id) => !parents.has(id));
  const presence = counts.presence(cmp.projectId, cmp.coderIds, leaves);
  const direct = new Map<string, StudyCodingRow[]>();
  const withChildren = cmp.codeIds.filter((id) => parents.has(id));
  for (const row of repos.agreement.codingsOfCodes(withChildren, cmp.coderIds)) {
    const list = direct.get(row[0]);
    if (list) list.push(row);
    else direct.set(row[0], [row]);
  }
  return function* (_studyIds, documents) {
    for (const d of documents) {
      for (const slot of presence.codedIn(d.id))
        yield [d.id, d.studyId, cmp.coderIds[slot]!, NO_CODE, 0, 0];
      for (const { coder, codeId } of presence.appliedIn.get(d.id) ?? [])
        yield [d.id, d.studyId, cmp.coderIds[coder]!, codeId, 0, d.length];
      yield* direct.get(d.id) ?? [];
    }
  };
}

/** Not a code id: marks a document a coder coded in, with no code of the comparison. */
const NO_CODE = '';
