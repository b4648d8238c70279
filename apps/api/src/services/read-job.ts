import {
  CHARACTER_CODERS_MAX,
  CharacterAgreement,
  createAgreementAccumulator,
  DEFAULT_SEGMENT_THRESHOLD,
  type AgreementResult,
} from '@kodbok/core';
import type { Counting, ExcerptQuery, Repositories } from '@kodbok/db';
import type {
  Agreement,
  AgreementGrid,
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
import { codingsFromCounts, documentAgreementFromCounts } from './agreement-counts';
import type { CaughtUp, Copies } from './copies';
import type { CountsCache } from './counts-cache';
import { excerptPage } from './excerpt-page';
import {
  studiesToCompare,
  type CodingSource,
  type ComparedStudy,
  type Comparison,
} from './comparison';

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
  const byNumber =
    level === 'character' && copies && cmp.coderIds.length <= CHARACTER_CODERS_MAX
      ? copies.highlights.characterSource(cmp.projectId, cmp.coderIds, cmp.codeIds)
      : null;
  if (byNumber) return characterAgreementOf(repos, cmp, query, byNumber);
  const acc = createAgreementAccumulator({
    coders: cmp.coderIds.length,
    codeIds: cmp.codeIds,
    level,
    ...(threshold === null ? {} : { threshold }),
  });
  // The other levels read where each code lies: from the copy of the highlights.
  const source = copies?.highlights.codings(cmp.projectId, cmp.coderIds);
  const compared = compareStudies(repos, cmp, query.studies, source, (s) => {
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
  source: CodingSource | undefined,
  add: (s: ComparedStudy) => void,
) {
  const { pages, load } = studiesToCompare(repos, cmp, studyIds, source);
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

/**
 * Agreement at the character level from the read worker's copy of the highlights, by number
 * (core's CharacterAgreement): the same figures as the accumulator, whose objects per span, run
 * and unit took most of the 0.7 s at a million highlights.
 */
function characterAgreementOf(
  repos: Repositories,
  cmp: Comparison,
  query: AgreementQuery,
  source: ReturnType<Copies['highlights']['characterSource']>,
): Agreement {
  const acc = new CharacterAgreement(cmp.coderIds.length, cmp.codeIds.length);
  const compared = compareStudies(repos, cmp, query.studies, source.coded, (s) => {
    const covered = s.covered.reduce((m, c, i) => (c ? m | (1 << i) : m), 0);
    for (const doc of s.documents) source.addDocument(acc, doc, covered);
  });
  return agreementAnswer(cmp, 'character', null, compared, acc.result(cmp.codeIds));
}

function gridOf(
  repos: Repositories,
  cmp: Comparison,
  query: AgreementGridQuery,
  counts?: CountsCache,
): AgreementGrid {
  const reconciled = new Map(repos.consensus.reconciled(cmp.projectId).map((r) => [r.studyId, r]));
  // A cell is who applied a code in a study: the counts say as much.
  const source = counts ? codingsFromCounts(repos, counts, cmp) : undefined;
  const { pages, load } = studiesToCompare(repos, cmp, query.studies, source);
  const summary = { studies: 0, withDisagreements: 0, reconciled: 0 };
  const end = query.offset + query.limit;
  const rows: Array<{ study: ReturnType<GridRow['study']>; cells: GridRow['cells'] }> = [];
  const order = new Map(cmp.codeIds.map((id, i) => [id, i]));
  let matching = 0;
  // Every study is compared (for the summary and the filter), but only the page's rows and
  // cells are kept: at 10,000 studies the whole grid would be hundreds of thousands of cells.
  for (const page of pages) {
    for (const s of load(page)) {
      const row = gridRow(cmp, order, s, reconciled.get(s.study.id));
      if (!row) continue;
      summary.studies++;
      if (row.disagreements > 0) summary.withDisagreements++;
      if (row.reconciled) summary.reconciled++;
      if (query.only === 'disagreements' && row.disagreements === 0) continue;
      if (query.only === 'unreconciled' && row.reconciled) continue;
      if (matching >= query.offset && matching < end)
        rows.push({ study: row.study(), cells: row.cells });
      matching++;
    }
  }
  return {
    summary,
    totalStudies: matching,
    offset: query.offset,
    nextOffset: end < matching ? end : null,
    coders: cmp.coders,
    codes: cmp.codes.map(ref),
    studies: rows.map((r) => r.study),
    cells: rows.flatMap((r) => r.cells),
  };
}

type GridRow = NonNullable<ReturnType<typeof gridRow>>;

/**
 * A study's row of the grid and its cells, or null when no chosen coder covers it; the study's
 * fields are made only for the rows of the page (`study`). `order`: the
 * compared codes' places in the codebook. Only the codes applied in the study are visited: a
 * set of the whole codebook per study, and a pass over it, took most of the grid's second at
 * 10,000 studies and 300 codes.
 */
function gridRow(
  cmp: Comparison,
  order: ReadonlyMap<string, number>,
  s: ComparedStudy,
  reconciled?: { by: string; at: string },
) {
  const covering = cmp.coderIds.filter((_, i) => s.covered[i]);
  if (covering.length === 0) return null;
  const applied = new Map<string, Set<string>>();
  for (const doc of s.documents) {
    for (const span of doc.spans) {
      if (!order.has(span.codeId) || !s.covered[span.coder]) continue;
      const who = applied.get(span.codeId) ?? new Set<string>();
      applied.set(span.codeId, who.add(cmp.coderIds[span.coder]!));
    }
  }
  const cells = [...applied]
    .sort(([a], [b]) => order.get(a)! - order.get(b)!)
    .map(([codeId, who]) => {
      const appliedBy = cmp.coderIds.filter((id) => who.has(id));
      return { studyId: s.study.id, codeId, appliedBy, agree: who.size === covering.length };
    });
  const disagreements = covering.length < 2 ? 0 : cells.filter((c) => !c.agree).length;
  return {
    disagreements,
    reconciled: reconciled !== undefined,
    study: () => ({
      id: s.study.id,
      title: s.study.title,
      authors: JSON.parse(s.study.authors) as string[],
      year: s.study.year,
      documentIds: s.documents.map((d) => d.id),
      coders: covering,
      disagreements,
      reconciled: reconciled ? { by: reconciled.by, at: reconciled.at } : null,
    }),
    cells,
  };
}
