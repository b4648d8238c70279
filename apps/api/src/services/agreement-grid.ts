import { cellsOfStudies, disagreementsByStudy, MASK_CODERS } from '@kodbok/core';
import type { Repositories } from '@kodbok/db';
import type { AgreementGrid, AgreementGridQuery } from '@kodbok/contracts';
import { ref } from './analysis-filter';
import { countsComparison } from './agreement-counts';
import { studiesToCompare, type ComparedStudy, type Comparison } from './comparison';
import type { CountsCache } from './counts-cache';

/*
 * The studies × codes grid of agreement: who applied which code in each study, and the studies
 * where the coders differ. Every study is compared (for the summary and the `only` filter), but
 * only the page's rows and cells are made: at 10,000 studies the whole grid would be hundreds of
 * thousands of cells.
 */

/** A study as the grid's summary and filter see it. */
interface GridStudy {
  id: string;
  disagreements: number;
}

/** A page of the grid (its studies' rows and cells) and the summary over every study in scope. */
export function gridOf(
  repos: Repositories,
  cmp: Comparison,
  query: AgreementGridQuery,
  counts?: CountsCache,
): AgreementGrid {
  const reconciled = new Map(repos.consensus.reconciled(cmp.projectId).map((r) => [r.studyId, r]));
  const { studies, pageRows } =
    counts && cmp.coderIds.length <= MASK_CODERS
      ? byNumber(repos, counts, cmp, query)
      : fromStudies(repos, cmp, query);
  const summary = { studies: 0, withDisagreements: 0, reconciled: 0 };
  const end = query.offset + query.limit;
  const page: number[] = [];
  let matching = 0;
  studies((s, i) => {
    const isReconciled = reconciled.has(s.id);
    summary.studies++;
    if (s.disagreements > 0) summary.withDisagreements++;
    if (isReconciled) summary.reconciled++;
    if (query.only === 'disagreements' && s.disagreements === 0) return;
    if (query.only === 'unreconciled' && isReconciled) return;
    if (matching >= query.offset && matching < end) page.push(i);
    matching++;
  });
  const rows = pageRows(page);
  return {
    summary,
    totalStudies: matching,
    offset: query.offset,
    nextOffset: end < matching ? end : null,
    coders: cmp.coders,
    codes: cmp.codes.map(ref),
    studies: rows.map(({ study }) => {
      const r = reconciled.get(study.id);
      return { ...study, reconciled: r ? { by: r.by, at: r.at } : null };
    }),
    cells: rows.flatMap((r) => r.cells),
  };
}

type Row = {
  study: Omit<AgreementGrid['studies'][number], 'reconciled'>;
  cells: AgreementGrid['cells'];
};

/** How a grid is read: its studies in order (those no chosen coder covers left out), and rows. */
interface GridSource {
  studies(visit: (s: GridStudy, i: number) => void): void;
  pageRows(page: readonly number[]): Row[];
}

/**
 * From the counts, by number (core's grid-masks): at 10,000 studies and 300 codes, a span object
 * per (document, code, coder) and a row object per study took 0.6 s.
 */
function byNumber(
  repos: Repositories,
  counts: CountsCache,
  cmp: Comparison,
  query: AgreementGridQuery,
): GridSource {
  const input = countsComparison(repos, counts, cmp, query.studies);
  const { studyIds, studyMask } = input;
  const disagreements = disagreementsByStudy(input);
  const coderIdsOf = (mask: number) => cmp.coderIds.filter((_, c) => (mask >> c) & 1);
  return {
    studies(visit) {
      for (let i = 0; i < studyIds.length; i++)
        if (studyMask[i] !== 0) visit({ id: studyIds[i]!, disagreements: disagreements[i]! }, i);
    },
    pageRows(page) {
      const ids = page.map((i) => studyIds[i]!);
      const fields = new Map(repos.agreement.studies(cmp.projectId, ids).map((s) => [s.id, s]));
      const documents = new Map<string, string[]>();
      for (const d of repos.agreement.documents(ids)) {
        const list = documents.get(d.studyId);
        if (list) list.push(d.id);
        else documents.set(d.studyId, [d.id]);
      }
      const cells = cellsOfStudies(input, page);
      return page.map((i, r) => {
        const id = studyIds[i]!;
        const { title, authors, year } = fields.get(id)!;
        return {
          study: {
            id,
            title,
            authors: JSON.parse(authors) as string[],
            year,
            documentIds: documents.get(id) ?? [],
            coders: coderIdsOf(studyMask[i]!),
            disagreements: disagreements[i]!,
          },
          cells: cells[r]!.map(({ code, coders }) => ({
            studyId: id,
            codeId: cmp.codeIds[code]!,
            appliedBy: coderIdsOf(coders),
            agree: coders === studyMask[i],
          })),
        };
      });
    },
  };
}

/**
 * From each study's documents and codings, for more coders than a mask holds (or no counts): all
 * studies are read a page at a time, and each row kept until the page is known.
 */
function fromStudies(repos: Repositories, cmp: Comparison, query: AgreementGridQuery): GridSource {
  const order = new Map(cmp.codeIds.map((id, i) => [id, i]));
  const rows: Row[] = [];
  return {
    studies(visit) {
      const { pages, load } = studiesToCompare(repos, cmp, query.studies);
      for (const page of pages)
        for (const s of load(page)) {
          const row = rowOf(cmp, order, s);
          if (!row) continue;
          visit(row.study, rows.length);
          rows.push(row);
        }
    },
    pageRows: (page) => page.map((i) => rows[i]!),
  };
}

/** A study's row and cells, or null when no chosen coder covers it. */
function rowOf(cmp: Comparison, order: ReadonlyMap<string, number>, s: ComparedStudy): Row | null {
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
    study: {
      id: s.study.id,
      title: s.study.title,
      authors: JSON.parse(s.study.authors) as string[],
      year: s.study.year,
      documentIds: s.documents.map((d) => d.id),
      coders: covering,
      disagreements,
    },
    cells,
  };
}
