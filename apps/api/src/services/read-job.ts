import {
  CharacterAgreement,
  createAgreementAccumulator,
  DEFAULT_SEGMENT_THRESHOLD,
  MASK_CODERS,
  SegmentAgreement,
  type AgreementResult,
} from '@kodbok/core';
import type { Counting, ExcerptQuery, Repositories } from '@kodbok/db';
import type {
  Agreement,
  AgreementGridQuery,
  AgreementQuery,
  Cooccurrence,
  MatrixQuery,
} from '@kodbok/contracts';
import { ref } from './analysis-filter';
import {
  cooccurrenceOf,
  crosstabOf,
  frequenciesOf,
  matrixOf,
  type Prepared,
} from './analysis-views';
import { documentAgreementFromCounts } from './agreement-counts';
import { gridOf } from './agreement-grid';
import { agreementByNumber } from './agreement-numbered';
import type { CaughtUp, Copies } from './copies';
import { excerptPage } from './excerpt-page';
import { studiesToCompare, type ComparedStudy, type Comparison } from './comparison';

/**
 * A heavy read, already authorised and checked, that runs in the read worker (read-runner.ts,
 * docs/decisions/011) on its own connection, so the API thread never waits for it. Jobs are
 * plain data: they cross the thread boundary by structured clone.
 */
export type ReadJob =
  | { kind: 'agreement'; cmp: Comparison; query: AgreementQuery }
  | { kind: 'grid'; cmp: Comparison; query: AgreementGridQuery }
  | { kind: 'frequencies'; prepared: Prepared }
  | { kind: 'matrix'; prepared: Prepared; page: Pick<MatrixQuery, 'groupBy' | 'limit' | 'offset'> }
  | { kind: 'crosstab'; prepared: Prepared; attribute: string }
  | { kind: 'cooccurrence'; prepared: Prepared; mode: Cooccurrence['mode'] }
  | { kind: 'studyList'; projectId: string; counting: Counting; q: string | undefined }
  | { kind: 'excerpts'; query: ExcerptQuery; q: string | undefined; limit: number }
  | { kind: 'catchUp' };

export function runReadJob(repos: Repositories, job: ReadJob, copies?: Copies): unknown {
  const counts = copies?.counts;
  switch (job.kind) {
    case 'agreement':
      return agreementOf(repos, job.cmp, job.query, copies);
    case 'grid':
      return gridOf(repos, job.cmp, job.query, counts);
    case 'frequencies':
      return frequenciesOf(repos, job.prepared, counts);
    case 'matrix':
      return matrixOf(repos, job.prepared, job.page, counts);
    case 'crosstab':
      return crosstabOf(repos, job.prepared, job.attribute, counts);
    case 'cooccurrence':
      return cooccurrenceOf(repos, job.prepared, job.mode, copies);
    case 'studyList':
      return repos.studies.listJson(job.projectId, job.counting, job.q);
    case 'excerpts':
      return excerptPage(
        repos,
        job.query,
        job.q,
        job.limit,
        copies?.highlights.excerptTotal({ ...job.query, after: null }),
      );
    case 'catchUp':
      return {
        counts: copies?.counts.catchUpAll() ?? null,
        highlights: copies?.highlights.catchUpAll() ?? null,
      } satisfies CaughtUp;
  }
}

function agreementOf(
  repos: Repositories,
  cmp: Comparison,
  query: AgreementQuery,
  copies?: Copies,
): Agreement {
  const counts = copies?.counts;
  const level = query.level ?? 'document';
  const threshold = level === 'segment' ? (query.threshold ?? DEFAULT_SEGMENT_THRESHOLD) : null;
  // The document level reads only who applied which code where: the counts say as much.
  const fromCounts =
    level === 'document' && counts
      ? documentAgreementFromCounts(repos, counts, cmp, query.studies)
      : null;
  if (fromCounts) {
    const { studies, documents, overall, codes } = fromCounts;
    const perCode = cmp.codes.map((c, i) => ({ ...ref(c), ...codes[i]! }));
    return { level, threshold, coders: cmp.coders, studies, documents, overall, codes: perCode };
  }
  // With a copy of the highlights, the other levels are counted by number (decision 026).
  if (level !== 'document' && copies && cmp.coderIds.length <= MASK_CODERS) {
    const coders = cmp.coderIds.length;
    const codes = cmp.codeIds.length;
    const acc =
      threshold === null
        ? new CharacterAgreement(coders, codes)
        : new SegmentAgreement(coders, codes, threshold);
    const compared = agreementByNumber(repos, cmp, query.studies, copies.highlights, acc);
    return agreementAnswer(cmp, level, threshold, compared, acc.result(cmp.codeIds));
  }
  const acc = createAgreementAccumulator({
    coders: cmp.coderIds.length,
    codeIds: cmp.codeIds,
    level,
    ...(threshold === null ? {} : { threshold }),
  });
  const compared = compareStudies(repos, cmp, query.studies, (s) => {
    for (const doc of s.documents) acc.addDocument(doc);
  });
  return agreementAnswer(cmp, level, threshold, compared, acc.result());
}

/**
 * Feeds `add` every study (with its documents) that two or more of the compared coders cover, a
 * page at a time; how many studies and documents that was.
 */
function compareStudies(
  repos: Repositories,
  cmp: Comparison,
  studyIds: string | undefined,
  add: (s: ComparedStudy) => void,
) {
  const { pages, load } = studiesToCompare(repos, cmp, studyIds);
  let studies = 0;
  let documents = 0;
  for (const page of pages) {
    for (const s of load(page)) {
      // Units need two coders' decisions; a study fewer coded adds nothing to any statistic.
      if (s.covered.filter(Boolean).length < 2) continue;
      add(s);
      studies++;
      documents += s.documents.length;
    }
  }
  return { studies, documents };
}

function agreementAnswer(
  cmp: Comparison,
  level: Agreement['level'],
  threshold: number | null,
  compared: { studies: number; documents: number },
  result: AgreementResult,
): Agreement {
  return {
    level,
    threshold,
    coders: cmp.coders,
    ...compared,
    overall: result.overall,
    codes: cmp.codes.map((c) => ({ ...ref(c), ...result.codes.get(c.id)! })),
  };
}
