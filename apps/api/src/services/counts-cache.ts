import {
  coderPresence,
  CountsIndexBuilder,
  documentPairs,
  tallyCodes,
  tallyStudiesByGroup,
  tallyStudyCells,
  type CountsFilter,
  type CountsIndex,
  type CountsShape,
} from '@kodbok/core';
import {
  hasStudyFilter,
  type AnalysisScope,
  type CodeCounts,
  type Numbered,
  type NumberedDocument,
  type Repositories,
} from '@kodbok/db';
import { CONSENSUS_CODER_ID } from '@kodbok/contracts';
import { Numbering } from './numbering';
import { projectCopies, type ProjectCopy } from './project-copies';

/*
 * The read worker's in-memory copy of each project's rolled-up counts (docs/decisions/020): a
 * filtered analysis at a million highlights is one pass over typed arrays (tens of ms) instead of
 * a SQLite scan of 1.9 million text-keyed rows (about a second). A copy is read once, then kept
 * current from counts_log, inside the same read transaction as the view, so a view always sees
 * one consistent state of the database. Only the read worker holds copies.
 */

interface ProjectCounts extends ProjectCopy, CountsNumbering {
  index: CountsIndex;
}

/** The copy's numbers for the project's codes, documents, studies and coders. */
interface CountsNumbering {
  codes: Numbering<string>;
  documents: Numbering<string>;
  studies: Numbering<string>;
  coders: Numbering<string>;
  /** docStudy[document] = its study. */
  docStudy: number[];
  /** The copy's numbers of the rowids analysis_counts and counts_log name (migration 0025). */
  byRow: {
    codes: Map<number, number>;
    documents: Map<number, number>;
    coders: Map<number, number>;
  };
}

/** Rows held in all (about 12 bytes each) before the least recently used copy is dropped. */
const MAX_ROWS = 4_000_000;

export function createCountsCache(repos: Repositories) {
  function load(projectId: string): ProjectCounts {
    const seq = repos.counts.lastChange();
    const p: CountsNumbering = {
      codes: new Numbering<string>(),
      documents: new Numbering<string>(),
      studies: new Numbering<string>(),
      coders: new Numbering<string>(),
      docStudy: [],
      byRow: { codes: new Map(), documents: new Map(), coders: new Map() },
    };
    // Numbered in the order of analysis_counts' key within a code (study, document, coder, by
    // rowid), so the rows stream in ascending order and the index is built without a sort.
    const codes = repos.counts.codes(projectId);
    numberCodes(p, codes);
    numberDocuments(p, repos.counts.documents(projectId));
    numberCoders(p, repos.counts.coders(projectId));
    const builder = new CountsIndexBuilder(repos.counts.rowCount(projectId));
    for (const { row } of codes) {
      const code = p.byRow.codes.get(row)!;
      for (const [doc, coder, n] of repos.counts.rowsOfCode(row)) {
        const d = p.byRow.documents.get(doc);
        const c = p.byRow.coders.get(coder);
        if (d === undefined || c === undefined) throw new Error(`counts of an unknown row`);
        builder.add(code, d, c, n);
      }
    }
    return { ...p, index: builder.build(), seq, usedAt: Date.now() };
  }

  /** Applies the changes logged since the copy was made; false when they are no longer all there. */
  function catchUp(projectId: string, p: ProjectCounts): boolean {
    const last = repos.counts.lastChange();
    if (last === p.seq) return true;
    const oldest = repos.counts.oldestChange();
    if (oldest === null || oldest > p.seq + 1) return false;
    const changes = repos.counts.changesSince(projectId, p.seq);
    // A codebook change can rewrite most counts: reading them again is then as quick.
    if (changes.length > p.index.size / 4 + 10_000) return false;
    if (changes.length === 0) {
      // Another project's changes.
      p.seq = last;
      return true;
    }
    // The codes, documents and coders the changes name, read by rowid: a rowid the copy has not
    // met is numbered; one it has met that now names another row (SQLite gives a deleted last
    // row's rowid to the next one) would put the new row's counts on the old row's number, so
    // the copy is read again instead.
    const rows = (at: 1 | 3 | 4) => [...new Set(changes.map((c) => c[at]))];
    const codes = repos.counts.codesOfRows(rows(1));
    const documents = repos.counts.documentsOfRows(rows(3));
    const coders = repos.counts.usersOfRows(rows(4));
    if (
      renamed(codes, p.byRow.codes, p.codes) ||
      renamed(documents, p.byRow.documents, p.documents) ||
      renamed(coders, p.byRow.coders, p.coders)
    )
      return false;
    numberCodes(p, codes);
    numberDocuments(p, documents);
    numberCoders(p, coders);
    for (const [, code, , doc, coder, n] of changes) {
      const k = p.byRow.codes.get(code);
      const d = p.byRow.documents.get(doc);
      const c = p.byRow.coders.get(coder);
      // Deleted before the copy met it: its counts went with it.
      if (k === undefined || d === undefined || c === undefined) continue;
      p.index.set(k, d, c, n);
    }
    p.seq = last;
    return true;
  }

  /** Whose rows a scope keeps: a byte per coder of the copy. */
  function codersOf(p: ProjectCounts, scope: AnalysisScope): Uint8Array {
    return Uint8Array.from(p.coders.ids, (id) =>
      (scope.coderIds === null ? id !== CONSENSUS_CODER_ID : scope.coderIds.includes(id)) ? 1 : 0,
    );
  }

  /** Whose rows and which documents a scope keeps, in the copy's numbers. */
  function filterOf(p: ProjectCounts, scope: AnalysisScope): CountsFilter {
    const coders = codersOf(p, scope);
    if (!hasStudyFilter(scope)) return { coders, documents: null };
    const kept = new Uint8Array(p.studies.ids.length);
    for (const id of repos.counts.studyIds(scope)) {
      const s = p.studies.get(id);
      if (s !== undefined) kept[s] = 1;
    }
    return { coders, documents: Uint8Array.from(p.docStudy, (s) => kept[s]!) };
  }

  const shapeOf = (p: ProjectCounts): CountsShape => ({
    codes: p.codes.ids.length,
    studies: p.studies.ids.length,
    docStudy: Uint32Array.from(p.docStudy),
  });

  const copies = projectCopies<ProjectCounts>({
    load,
    catchUp,
    size: (c) => c.index.size,
    maxHeld: MAX_ROWS,
  });

  return {
    /**
     * Brings every copy up to date (in the caller's read transaction), between views, so that a
     * view finds little to apply and counts_log can be pruned: the oldest change a copy still
     * needs (the last applied), or null when no copy is held. Copies unread for a while go.
     */
    catchUpAll: () => copies.catchUpAll(),

    /**
     * Whether the project's copy is held. A view that SQL also answers quickly (the matrix) uses
     * the copy only then: making it takes seconds at a million highlights (decision 020).
     */
    holds(projectId: string): boolean {
      return copies.holds(projectId);
    },
    /**
     * A page of the matrix's cells, as `matrixCellsJson` in SQL gives them: per code with any
     * highlights on the given studies, its cells as JSON bytes in the order of the studies' ids.
     */
    matrixCellsJson(scope: AnalysisScope, studyIds: readonly string[]): Map<string, Buffer> {
      const p = copies.current(scope.projectId);
      const order = [...studyIds].sort();
      const slotOf = new Int32Array(p.studies.ids.length).fill(-1);
      order.forEach((id, slot) => {
        const s = p.studies.get(id);
        if (s !== undefined) slotOf[s] = slot;
      });
      const filter = { coders: codersOf(p, scope), documents: null };
      const cells = tallyStudyCells(p.index, filter, shapeOf(p), slotOf, order.length);
      const heads = order.map((id) => `{"studyId":${JSON.stringify(id)},"highlights":`);
      const byCode = new Map<string, Buffer>();
      p.codes.ids.forEach((codeId, code) => {
        const parts: string[] = [];
        for (let slot = 0; slot < order.length; slot++) {
          const n = cells[code * order.length + slot]!;
          if (n > 0) parts.push(`${heads[slot]}${n}}`);
        }
        if (parts.length > 0) byCode.set(codeId, Buffer.from(`[${parts.join(',')}]`));
      });
      return byCode;
    },
    /** Rolled-up counts of every code in the scope, as the SQL frequencies give them. */
    frequencies(scope: AnalysisScope): CodeCounts[] {
      const p = copies.current(scope.projectId);
      const t = tallyCodes(p.index, filterOf(p, scope), shapeOf(p));
      return p.codes.ids.map((codeId, n) => ({
        codeId,
        highlights: t.highlights[n]!,
        documents: t.documents[n]!,
        studies: t.studies[n]!,
      }));
    },
    /**
     * Distinct studies with each code per value of `attribute`, for the values in `values`
     * (null: studies without it): byCode.get(codeId)[i] answers values[i].
     */
    crosstab(
      scope: AnalysisScope,
      attribute: string,
      values: ReadonlyArray<string | null>,
    ): Map<string, Uint32Array> {
      const p = copies.current(scope.projectId);
      const groupOf = new Map(values.map((v, i) => [v, i]));
      const studyGroup = new Uint32Array(p.studies.ids.length);
      const kept = new Uint8Array(p.studies.ids.length);
      for (const { id, value } of repos.counts.studyValues(scope, attribute)) {
        const s = p.studies.get(id);
        const g = groupOf.get(value);
        if (s === undefined || g === undefined) continue;
        studyGroup[s] = g;
        kept[s] = 1;
      }
      const filter = {
        coders: codersOf(p, scope),
        documents: Uint8Array.from(p.docStudy, (s) => kept[s]!),
      };
      const cells = tallyStudiesByGroup(p.index, filter, shapeOf(p), studyGroup, values.length);
      return new Map(
        p.codes.ids.map((id, n) => [
          id,
          cells.subarray(n * values.length, (n + 1) * values.length),
        ]),
      );
    },
    /** Documents shared by pairs of the given codes (all the project's codes when null), a ≤ b by id. */
    documentPairs(scope: AnalysisScope, codeIds: readonly string[] | null) {
      const p = copies.current(scope.projectId);
      const chosen = [...(codeIds ?? p.codes.ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const slotOf = new Int32Array(p.codes.ids.length).fill(-1);
      chosen.forEach((id, slot) => {
        const n = p.codes.get(id);
        if (n !== undefined) slotOf[n] = slot;
      });
      return documentPairs(p.index, filterOf(p, scope), shapeOf(p), slotOf, chosen.length).map(
        ({ a, b, count }) => ({ a: chosen[a]!, b: chosen[b]!, count }),
      );
    },
    /**
     * What each of `coderIds` did in each document, in the copy's numbers: `coded[doc * slots +
     * slot]` when the coder has a highlight there, and (doc, code, slot) triples, grouped by code
     * then document, of the `leafCodeIds` each applied. Only codes without children: a copy's
     * count of a code holds its descendants' highlights too (agreement compares each code alone).
     */
    presence(projectId: string, coderIds: readonly string[], leafCodeIds: readonly string[]) {
      const p = copies.current(projectId);
      const slotOf = Int32Array.from(p.coders.ids, (id) => coderIds.indexOf(id));
      const wanted = new Uint8Array(p.codes.ids.length);
      for (const id of leafCodeIds) {
        const n = p.codes.get(id);
        if (n !== undefined) wanted[n] = 1;
      }
      const slots = coderIds.length;
      return {
        ...coderPresence(p.index, shapeOf(p), slotOf, slots, wanted),
        /** The copy's number of a document; undefined for one it has never counted. */
        documentNumber: (id: string) => p.documents.get(id),
        documents: p.documents.ids,
        codeIds: p.codes.ids,
      };
    },
  };
}
export type CountsCache = ReturnType<typeof createCountsCache>;

/** Whether a rowid the copy has numbered now belongs to another row. */
function renamed(
  rows: readonly Numbered[],
  byRow: Map<number, number>,
  numbering: Numbering<string>,
): boolean {
  return rows.some(({ id, row }) => {
    const n = byRow.get(row);
    return n !== undefined && numbering.ids[n] !== id;
  });
}

function numberCodes(p: CountsNumbering, codes: readonly Numbered[]): void {
  for (const { id, row } of codes) p.byRow.codes.set(row, p.codes.of(id));
}

function numberDocuments(p: CountsNumbering, documents: readonly NumberedDocument[]): void {
  for (const d of documents) {
    const n = p.documents.of(d.id);
    p.byRow.documents.set(d.row, n);
    p.docStudy[n] = p.studies.of(d.studyId);
  }
}

function numberCoders(p: CountsNumbering, coders: readonly Numbered[]): void {
  for (const { id, row } of coders) p.byRow.coders.set(row, p.coders.of(id));
}
