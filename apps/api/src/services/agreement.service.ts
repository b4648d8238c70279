import { createAgreementAccumulator, DEFAULT_SEGMENT_THRESHOLD } from '@kodbok/core';
import type { Repositories } from '@kodbok/db';
import type {
  Agreement,
  AgreementGrid,
  AgreementGridQuery,
  AgreementQuery,
} from '@kodbok/contracts';
import { ref } from './analysis-filter';
import { comparisonOf, studiesToCompare, type ComparedStudy } from './comparison';
import { mapInSlices } from './time-slice';
import type { CurrentUser } from './types';

/**
 * Agreement between coders (docs/decisions/011): statistics at the document, character or
 * segment level, and the studies × codes grid of who applied what. Studies are read a page at a
 * time in 10 ms slices, so a comparison over a large project never holds other requests long.
 */
export function createAgreementService(repos: Repositories) {
  return {
    async agreement(
      user: CurrentUser,
      projectId: string,
      query: AgreementQuery,
    ): Promise<Agreement> {
      const cmp = comparisonOf(repos, user, projectId, query);
      const level = query.level ?? 'document';
      const threshold = level === 'segment' ? (query.threshold ?? DEFAULT_SEGMENT_THRESHOLD) : null;
      const acc = createAgreementAccumulator({
        coders: cmp.coderIds.length,
        codeIds: cmp.codeIds,
        level,
        ...(threshold === null ? {} : { threshold }),
      });
      const { pages, load } = studiesToCompare(repos, cmp, query.studies);
      const compared = (
        await mapInSlices(pages, (page) =>
          load(page).map((s) => {
            // Units need two coders' decisions; a study fewer coded adds nothing to any statistic.
            if (s.covered.filter(Boolean).length < 2) return 0;
            for (const doc of s.documents) acc.addDocument(doc);
            return s.documents.length;
          }),
        )
      ).flat();
      const result = acc.result();
      return {
        level,
        threshold,
        coders: cmp.coders,
        studies: compared.filter((n) => n > 0).length,
        documents: compared.reduce((a, b) => a + b, 0),
        overall: result.overall,
        codes: cmp.codes.map((c) => ({ ...ref(c), ...result.codes.get(c.id)! })),
      };
    },
    async grid(
      user: CurrentUser,
      projectId: string,
      query: AgreementGridQuery,
    ): Promise<AgreementGrid> {
      const cmp = comparisonOf(repos, user, projectId, query);
      const reconciled = new Map(repos.consensus.reconciled(projectId).map((r) => [r.studyId, r]));
      const { pages, load } = studiesToCompare(repos, cmp, query.studies);
      const wanted = new Set(cmp.codeIds);
      const summary = { studies: 0, withDisagreements: 0, reconciled: 0 };
      const end = query.offset + query.limit;
      let matching = 0;
      // Every study is compared (for the summary and the filter), but only the page's rows and
      // cells are kept: at 10,000 studies the whole grid would be hundreds of thousands of cells.
      const kept = await mapInSlices(pages, (page) =>
        load(page).flatMap((s) => {
          const row = gridRow(s);
          if (!row) return [];
          summary.studies++;
          if (row.study.disagreements > 0) summary.withDisagreements++;
          if (row.study.reconciled) summary.reconciled++;
          if (query.only === 'disagreements' && row.study.disagreements === 0) return [];
          if (query.only === 'unreconciled' && row.study.reconciled) return [];
          const index = matching++;
          return index >= query.offset && index < end ? [row] : [];
        }),
      );
      const rows = kept.flat();
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

      /** A study's row of the grid and its cells, or null when no chosen coder covers it. */
      function gridRow(s: ComparedStudy) {
        const study = s.study;
        const covering = cmp.coderIds.filter((_, i) => s.covered[i]);
        if (covering.length === 0) return null;
        const applied = new Map<string, Set<string>>();
        for (const doc of s.documents) {
          for (const span of doc.spans) {
            if (!wanted.has(span.codeId) || !s.covered[span.coder]) continue;
            const who = applied.get(span.codeId) ?? new Set<string>();
            applied.set(span.codeId, who.add(cmp.coderIds[span.coder]!));
          }
        }
        const cells = cmp.codeIds.flatMap((codeId) => {
          const who = applied.get(codeId);
          if (!who) return [];
          const appliedBy = cmp.coderIds.filter((id) => who.has(id));
          return [{ studyId: study.id, codeId, appliedBy, agree: who.size === covering.length }];
        });
        const r = reconciled.get(study.id);
        return {
          study: {
            id: study.id,
            title: study.title,
            authors: JSON.parse(study.authors) as string[],
            year: study.year,
            documentIds: s.documents.map((d) => d.id),
            coders: covering,
            disagreements: covering.length < 2 ? 0 : cells.filter((c) => !c.agree).length,
            reconciled: r ? { by: r.by, at: r.at } : null,
          },
          cells,
        };
      }
    },
  };
}
