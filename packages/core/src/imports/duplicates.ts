import type { ImportRecord } from './types';
import { normalizeDoi, normalizeTitle } from './text';

/** What duplicate detection needs to know of a study already in the project. */
export interface ExistingStudy {
  id: string;
  title: string;
  year: number | null;
  doi: string | null;
  pmid: string | null;
}

export type DuplicateReason = 'doi' | 'pmid' | 'title';

/** A record that matches an earlier record of the same import or a study of the project. */
export interface Duplicate {
  /** Index of the record in the import. */
  index: number;
  reason: DuplicateReason;
  /** The study of the project it matches, or null when it repeats an earlier record. */
  studyId: string | null;
  /** Index of the earlier record it repeats, when it is not a project study. */
  earlierIndex: number | null;
}

interface Keyed {
  studyId: string | null;
  index: number | null;
  doi: string | null;
}

const keysOf = (r: {
  title: string;
  year: number | null;
  doi: string | null;
  pmid: string | null;
}) => ({
  doi: normalizeDoi(r.doi)?.toLowerCase() ?? null,
  pmid: r.pmid?.trim() || null,
  title: `${normalizeTitle(r.title)}|${r.year ?? ''}`,
});

/**
 * Finds duplicates: the same DOI, the same PMID, or the same normalised title and year, against
 * the project's studies first, then against earlier records of the same import. Title and year
 * do not make a duplicate when both have DOIs and they differ: a journal article and the
 * conference abstract before it often share both (Lens exports hold such pairs).
 * Returns one entry per duplicate record, in record order.
 */
export function findDuplicates(records: ImportRecord[], existing: ExistingStudy[]): Duplicate[] {
  const maps = {
    doi: new Map<string, Keyed>(),
    pmid: new Map<string, Keyed>(),
    title: new Map<string, Keyed>(),
  };
  const remember = (k: ReturnType<typeof keysOf>, value: Keyed) => {
    for (const reason of ['doi', 'pmid', 'title'] as const) {
      const key = k[reason];
      if (key && (reason !== 'title' || key !== '|') && !maps[reason].has(key))
        maps[reason].set(key, value);
    }
  };
  for (const s of existing) {
    const k = keysOf(s);
    remember(k, { studyId: s.id, index: null, doi: k.doi });
  }
  const out: Duplicate[] = [];
  records.forEach((record, index) => {
    const k = keysOf(record);
    const match = (['doi', 'pmid', 'title'] as const)
      .map((reason) => ({ reason, hit: k[reason] ? maps[reason].get(k[reason]) : undefined }))
      .find((m) => m.hit && !(m.reason === 'title' && k.doi && m.hit.doi && k.doi !== m.hit.doi));
    if (match?.hit) {
      out.push({
        index,
        reason: match.reason,
        studyId: match.hit.studyId,
        earlierIndex: match.hit.index,
      });
    } else {
      remember(k, { studyId: null, index, doi: k.doi });
    }
  });
  return out;
}
