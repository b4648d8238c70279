import {
  codedCodersByDocument,
  countHighlights,
  DocumentSpans,
  highlightPairs,
  HighlightColumnsBuilder,
  overlapCodePairs,
  slotsByDocument,
  type CodeTest,
  type HighlightColumns,
  type HighlightFilter,
  type SlotsByDocument,
} from '@kodbok/core';
import {
  hasStudyFilter,
  type AnalysisScope,
  type ExcerptQuery,
  type Repositories,
} from '@kodbok/db';
import { Numbering } from './numbering';
import { projectCopies, type ProjectCopy } from './project-copies';

/*
 * The read worker's in-memory copy of each project's highlights (docs/decisions/025): where each
 * lies (document, start, end), whose it is, and its direct codes, as typed arrays by rowid. The
 * views that look at highlights one by one read these instead of one row of the wide highlights
 * table per highlight: a count of two themes' 100,000 highlights, a search within a code, codes
 * shared within or by overlap of highlights. Kept current from highlights_log inside the view's
 * read transaction, as the counts' copy is from counts_log (counts-cache.ts).
 */

interface ProjectHighlights extends ProjectCopy {
  cols: HighlightColumns;
  /** Slots by document, made when a view needs them and dropped at any change. */
  byDocument: SlotsByDocument | null;
  /** Codes and coders by their rowids (documents are their rowids). */
  codes: Numbering<number>;
  coders: Numbering<number>;
}

/** Highlights held in all (about 22 bytes each) before the least recently used copy is dropped. */
const MAX_HIGHLIGHTS = 2_000_000;
/** Changed highlights read at once when catching up. */
const STATES_BATCH = 5_000;

export type CooccurrencePairs = Array<{ a: string; b: string; count: number }>;

export function createHighlightCopies(repos: Repositories) {
  const reads = repos.highlightCopy;

  function load(projectId: string): ProjectHighlights {
    const seq = reads.lastChange();
    const codes = new Numbering<number>();
    const coders = new Numbering<number>();
    const builder = new HighlightColumnsBuilder(reads.size(projectId));
    for (const [h, doc, coder, start, end, code] of reads.rows(projectId))
      builder.add(h, doc, coders.of(coder), start, end, code === null ? null : codes.of(code));
    return { cols: builder.build(), byDocument: null, codes, coders, seq, usedAt: Date.now() };
  }

  /** Applies the changes logged since the copy was made; false when it must be read again. */
  function catchUp(projectId: string, p: ProjectHighlights): boolean {
    const last = reads.lastChange();
    if (last === p.seq) return true;
    const oldest = reads.oldestChange();
    if (oldest === null || oldest > p.seq + 1) return false;
    const changed = reads.changedSince(projectId, p.seq);
    p.byDocument = null;
    // An import or a codebook change can touch most highlights: reading them again is as quick.
    if (changed.length > p.cols.size / 4 + 10_000) return false;
    for (let i = 0; i < changed.length; i += STATES_BATCH) {
      const batch = changed.slice(i, i + STATES_BATCH);
      const present = new Map(reads.states(batch).map((s) => [s[0], s]));
      for (const rowid of batch) {
        const s = present.get(rowid);
        // Gone, or its rowid now another project's.
        if (!s || s[1] !== projectId) {
          p.cols.remove(rowid);
          continue;
        }
        const [, , doc, coder, start, end, codeList] = s;
        const codes = codeList ? codeList.split(',').map((c) => p.codes.of(Number(c))) : [];
        if (!p.cols.put(rowid, { doc, coder: p.coders.of(coder), start, end, codes })) return false;
      }
    }
    p.seq = last;
    return true;
  }

  function filterOf(p: ProjectHighlights, scope: AnalysisScope): HighlightFilter {
    const coders = new Uint8Array(p.coders.ids.length);
    for (const rowid of reads.coders(scope, p.coders.ids)) coders[p.coders.get(rowid)!] = 1;
    if (!hasStudyFilter(scope)) return { coders, documents: null };
    const kept = reads.documents(scope);
    const documents = new Uint8Array(kept.reduce((m, d) => Math.max(m, d + 1), 0));
    for (const d of kept) documents[d] = 1;
    return { coders, documents };
  }

  /** A byte per code number for each of `codeIds`, its subtree marked. */
  function subtreeMasks(p: ProjectHighlights, codeIds: readonly string[]): Uint8Array[] {
    const slot = new Map(codeIds.map((id, i) => [id, i]));
    const masks = codeIds.map(() => new Uint8Array(p.codes.ids.length));
    for (const { codeId, rowid } of reads.subtrees(codeIds)) {
      const n = p.codes.get(rowid);
      // A code no highlight carries has no number: nothing to mark.
      if (n !== undefined) masks[slot.get(codeId)!]![n] = 1;
    }
    return masks;
  }

  /** The id of each of the copy's coder numbers and code numbers (null: a code since deleted). */
  function idsOf(p: ProjectHighlights, projectId: string) {
    const userOf = new Map(reads.userIds(p.coders.ids).map((u) => [u.rowid, u.id]));
    const codeOf = new Map(reads.codes(projectId).map((c) => [c.rowid, c.id]));
    return {
      coders: p.coders.ids.map((rowid) => userOf.get(rowid) ?? null),
      codes: p.codes.ids.map((rowid) => codeOf.get(rowid) ?? null),
    };
  }

  const copies = projectCopies<ProjectHighlights>({
    load,
    catchUp,
    size: (c) => c.cols.size,
    maxHeld: MAX_HIGHLIGHTS,
  });

  return {
    /** Brings every copy up to date; the oldest change a copy still needs (null: none held). */
    catchUpAll: () => copies.catchUpAll(),

    /**
     * An excerpt total the maintained tables and counts do not give: several codes (either or
     * all), a search within codes or studies, counted over the copy (or the search's matches).
     */
    excerptTotal(q: ExcerptQuery): number {
      const known = repos.excerpts.knownTotal(q);
      if (known !== null) return known;
      const p = copies.current(q.scope.projectId);
      let test: CodeTest | null = null;
      if (q.codeIds) {
        const masks = subtreeMasks(p, q.codeIds);
        test =
          q.allCodes && masks.length > 1
            ? { wanted: masks, all: true }
            : { wanted: [masks.reduce((u, m) => u.map((x, i) => x | m[i]!))], all: false };
      }
      const rowids = q.match ? repos.excerpts.matches({ ...q, match: q.match }) : null;
      return countHighlights(p.cols, filterOf(p, q.scope), test, rowids);
    },
    /**
     * A comparison's codings by number, for agreement at the character and segment levels
     * (decision 026): per document (by rowid), the mask of compared coders who coded in it (bit
     * c: `coderIds[c]`), and its spans of the compared codes (`codeIds` indices; -1 another
     * code), with no object or string per span.
     */
    numbered(projectId: string, coderIds: readonly string[], codeIds: readonly string[]) {
      const p = copies.current(projectId);
      const ids = idsOf(p, projectId);
      const coderSlot = Int32Array.from(ids.coders, (id) =>
        id === null ? -1 : coderIds.indexOf(id),
      );
      const compared = new Map(codeIds.map((id, i) => [id, i]));
      const codeSlot = Int32Array.from(ids.codes, (id) =>
        id === null ? -1 : (compared.get(id) ?? -1),
      );
      const byDocument = (p.byDocument ??= slotsByDocument(p.cols));
      return {
        /** Per document rowid, the compared coders with a coded highlight (of any code) in it. */
        coded: codedCodersByDocument(p.cols, coderSlot),
        /** The compared coders' spans of the compared codes in a document (arrays reused). */
        spans: new DocumentSpans(p.cols, byDocument, coderSlot, codeSlot),
      };
    },
    /**
     * Pairs (a ≤ b by id) of the shown codes (every code of the project when null), rolled up,
     * and how many highlights carry both, or how many pairs of overlapping highlights carry one
     * each; as the SQL gives them, pairs that share nothing left out.
     */
    cooccurrence(
      scope: AnalysisScope,
      mode: 'highlight' | 'overlap',
      codeIds: readonly string[] | null,
    ): CooccurrencePairs {
      const p = copies.current(scope.projectId);
      const shown = [...(codeIds ?? reads.codes(scope.projectId).map((c) => c.id))].sort((a, b) =>
        a < b ? -1 : a > b ? 1 : 0,
      );
      const slot = new Map(shown.map((id, i) => [id, i]));
      const shownOf: number[][] = Array.from({ length: p.codes.ids.length }, () => []);
      for (const { codeId, rowid } of reads.subtrees(shown)) {
        const n = p.codes.get(rowid);
        if (n !== undefined) shownOf[n]!.push(slot.get(codeId)!);
      }
      const k = shown.length;
      const scan = mode === 'highlight' ? highlightPairs : overlapCodePairs;
      const cells = scan(p.cols, filterOf(p, scope), shownOf, k);
      const pairs: CooccurrencePairs = [];
      for (let a = 0; a < k; a++)
        for (let b = a; b < k; b++) {
          const count = cells[a * k + b]!;
          if (count > 0) pairs.push({ a: shown[a]!, b: shown[b]!, count });
        }
      return pairs;
    },
  };
}
export type HighlightCopies = ReturnType<typeof createHighlightCopies>;
