import { overlapPairs, shareOf, type CodeNode } from '@kodbok/core';
import { hasStudyFilter, type AnalysisScope, type Repositories } from '@kodbok/db';
import type { Cooccurrence, Crosstab, Frequencies, Matrix, MatrixQuery } from '@kodbok/contracts';
import type { JsonBytes } from '../worker-bytes';
import { ref } from './analysis-filter';
import type { CountsCache } from './counts-cache';
import type { Copies } from './copies';

/*
 * The analysis views computed from an authorised, checked scope (analysis.service.ts prepares
 * it). Each is one synchronous read: the heavy ones run in the read worker (read-job.ts), where
 * holding the thread for a second holds nobody else (issue 13).
 */

/** What a view needs besides the repositories: plain data, so it crosses to the worker. */
export interface Prepared {
  scope: AnalysisScope;
  /** The codes the user asked for (null: all), and the codebook rows shown, in tree order. */
  codeIds: string[] | null;
  rows: CodeNode[];
}

/**
 * `counts` is the read worker's in-memory copy (counts-cache.ts); without it (the API thread,
 * the benchmark's bare-SQL figures) filtered counts come from SQL.
 */
export function frequenciesOf(
  repos: Repositories,
  { scope, rows }: Prepared,
  counts?: CountsCache,
): Frequencies {
  const totalStudies = repos.analysis.countStudies(scope);
  const byCode = new Map(
    (
      repos.analysis.frequencyTotals(scope) ??
      counts?.frequencies(scope) ??
      (hasStudyFilter(scope)
        ? repos.analysis.studyFilteredFrequencies(scope)
        : rows.map((code) => repos.analysis.codeFrequencies(scope, code.id)))
    ).map((c) => [c.codeId, c]),
  );
  return {
    totalStudies,
    codes: rows.map((code) => {
      const c = byCode.get(code.id);
      const studies = c?.studies ?? 0;
      return {
        ...ref(code),
        highlights: c?.highlights ?? 0,
        documents: c?.documents ?? 0,
        studies,
        studyShare: shareOf(studies, totalStudies),
      };
    }),
  };
}

/**
 * A page of the matrix as JSON bytes: the studies and codes serialised here, each code's cells
 * spliced in as bytes, never made into objects: from the read worker's copy of the counts when
 * it holds one (`counts`), else as SQLite writes them (`matrixCellsJson`), one search of the
 * counts' key per code and study (decision 022, migration 0021).
 */
export function matrixOf(
  repos: Repositories,
  { scope, rows }: Prepared,
  query: Pick<MatrixQuery, 'groupBy' | 'limit' | 'offset'>,
  counts?: CountsCache,
): JsonBytes<Matrix> {
  const totalStudies = repos.analysis.countStudies(scope);
  const groupBy = query.groupBy ?? null;
  const page = repos.analysis.matrixStudies(scope, {
    groupBy,
    limit: query.limit,
    offset: query.offset,
  });
  const ids = page.map((s) => s.id);
  const cells = counts?.holds(scope.projectId)
    ? counts.matrixCellsJson(scope, ids)
    : repos.analysis.matrixCellsJson(scope, ids);
  const end = query.offset + page.length;
  const head = {
    totalStudies,
    offset: query.offset,
    nextOffset: end < totalStudies ? end : null,
    groupBy,
    studies: page.map((s) => ({
      id: s.id,
      title: s.title,
      year: s.year,
      authors: JSON.parse(s.authors) as string[],
      group: s.groupValue,
    })),
  } satisfies Omit<Matrix, 'codes'>;
  // Text and SQLite's bytes in turn: {…head, "codes": [{…code, "cells": [cells]}, …]}
  const parts: Buffer[] = [Buffer.from(`${openField(head, 'codes')}[`)];
  rows.forEach((code, i) => {
    const text = openField(ref(code) satisfies Omit<Matrix['codes'][number], 'cells'>, 'cells');
    parts.push(Buffer.from(i === 0 ? text : `},${text}`), cells.get(code.id) ?? NO_CELLS);
  });
  parts.push(Buffer.from(rows.length > 0 ? '}]}' : ']}'));
  return Buffer.concat(parts) as JsonBytes<Matrix>;
}

const NO_CELLS = Buffer.from('[]');

/** `value` as JSON text, open for one more field: `{…,"name":`, its value to follow. */
function openField(value: object, name: string): string {
  const text = JSON.stringify(value);
  return `${text.slice(0, -1)}${text === '{}' ? '' : ','}${JSON.stringify(name)}:`;
}

export function crosstabOf(
  repos: Repositories,
  { scope, rows }: Prepared,
  attribute: string,
  counts?: CountsCache,
): Crosstab {
  const groups = repos.analysis.crosstabGroups(scope, attribute);
  const values = groups.map((g) => g.value);
  const indexed = counts?.crosstab(scope, attribute, values);
  const codes = rows.map((code) => {
    const studiesBy = indexed
      ? new Map(values.map((v, i) => [v, indexed.get(code.id)?.[i] ?? 0]))
      : new Map(
          repos.analysis.crosstabCells(scope, attribute, code.id).map((c) => [c.value, c.studies]),
        );
    return {
      ...ref(code),
      cells: groups.map((g) => {
        const studies = studiesBy.get(g.value) ?? 0;
        return { value: g.value, studies, studyShare: shareOf(studies, g.studies) };
      }),
    };
  });
  return { attribute, groups, codes };
}

export function cooccurrenceOf(
  repos: Repositories,
  { scope, codeIds, rows }: Prepared,
  mode: Cooccurrence['mode'],
  copies?: Copies,
): Cooccurrence {
  const shown = codeIds ? rows.map((r) => r.id) : null;
  const pairs = !copies
    ? mode === 'overlap'
      ? overlapPairs(repos.analysis.placedCodings(scope, shown))
      : repos.analysis.cooccurrence(scope, mode, shown)
    : mode === 'document'
      ? copies.counts.documentPairs(scope, shown)
      : copies.highlights.cooccurrence(scope, mode, shown);
  return { mode, codes: rows.map(ref), pairs: pairs.filter((p) => p.count > 0) };
}
